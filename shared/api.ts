// Shapes of the HTTP API, shared by the server that answers and the client that asks. The request bodies and
// their limits are schemas in ./requests.ts, which both check against.

export { LIMITS } from './requests.js'
export type { ActionRequest, CreateBoardRequest, JoinBoardRequest } from './requests.js'

export interface CreateBoardResponse {
  id: string
  facilitatorKey: string
  /** Share with participants. */
  participantUrl: string
  /** The key sits in the fragment so it never reaches server logs or Referer headers. */
  facilitatorUrl: string
}

export interface BoardSummary {
  id: string
  title: string
  createdAt: string
  /** Counted when the board is loaded (someone is on it, or was a moment ago); null when it is not, since
   *  the summary is answered to anyone and never loads a board. */
  stages: number | null
  notes: number | null
  /** People connected right now (0 when the board is not loaded). */
  online: number
}

export interface JoinBoardResponse {
  participantId: string
  /** Pass as the `token` parameter of the WebSocket and as `Authorization: Bearer` on actions. */
  token: string
  role: 'facilitator' | 'participant' | 'observer'
  name: string
  color: string
  /** The server's clock when it answered, to show the timer on the server's time. */
  serverNow: number
}

export interface ApiError {
  error: { code: string; message: string }
}
