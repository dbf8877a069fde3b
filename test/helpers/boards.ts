// Boards made ready for the live-board tests: created over the API and, on a server that runs workshop
// phases, put in the ideate phase with public writing, so every participant's note is on the board at once.
import type { CreateBoardRequest, CreateBoardResponse } from '../../shared/api.js'
import { createBoard } from './server.js'

async function post(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
}

export async function createOpenBoard(serverUrl: string, body: CreateBoardRequest = {}): Promise<CreateBoardResponse> {
  const board = await createBoard(serverUrl, body)
  const joined = await post(`${serverUrl}/api/boards/${board.id}/join`, { name: 'Setup', facilitatorKey: board.facilitatorKey })
  if (joined.status === 404) return board // a server without phases: everyone may write already
  if (!joined.ok) throw new Error(`join: ${joined.status} ${await joined.text()}`)
  const { token } = (await joined.json()) as { token: string }
  for (const action of [
    { type: 'setPhase', phase: 'ideate' },
    { type: 'setPrivateWriting', on: false },
  ]) {
    const res = await post(`${serverUrl}/api/boards/${board.id}/actions`, action, token)
    if (!res.ok) throw new Error(`${action.type}: ${res.status} ${await res.text()}`)
  }
  return board
}
