// Shapes of the HTTP API, shared by the server that answers and the client that asks.

export interface CreateBoardRequest {
  title?: string
  stages?: string[]
}

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
  stages: number
  notes: number
  /** People connected right now (0 when the board is not loaded). */
  online: number
}

export interface JoinBoardRequest {
  name?: string
  /** Makes the joiner a facilitator. */
  facilitatorKey?: string
  /** A read-only view: no name needed, nothing can be changed. */
  observer?: boolean
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

export const LIMITS = {
  titleLength: 200,
  stageNameLength: 80,
  maxStages: 20,
  noteLength: 2000,
} as const
