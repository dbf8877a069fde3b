// The HTTP API, as the client calls it. Errors come back as ApiCallError with the server's code.
import type { ApiError, CreateBoardResponse, JoinBoardResponse } from '../../../shared/api.js'
import { CreateBoardRequest, JoinBoardRequest, check } from '../../../shared/requests.js'
import { t } from '../i18n/i18n.js'
import { isolate } from './bidi.js'

export class ApiCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

/** What went wrong, to put in a sentence: the server's message (isolated, it is English), or the network. */
export const failureText = (err: unknown): string =>
  err instanceof ApiCallError && err.code !== 'network' ? isolate(err.message) : t('home.error.network')

/** POSTs `body` once it passes `schema`, the one the server checks it with; a refusal is an ApiCallError. */
async function post<T extends object>(path: string, schema: Parameters<typeof check>[0], body: unknown): Promise<T> {
  const checked = check(schema, body)
  if (!checked.ok) throw new ApiCallError('invalid_request', checked.message)
  let res: Response
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    throw new ApiCallError('network', 'network')
  }
  const data = (await res.json().catch(() => null)) as T | ApiError | null
  if (!res.ok || !data || 'error' in data) {
    const err = data && 'error' in data ? data.error : { code: 'http_' + res.status, message: res.statusText }
    throw new ApiCallError(err.code, err.message)
  }
  return data
}

export const createBoard = (req: CreateBoardRequest) => post<CreateBoardResponse>('/api/boards', CreateBoardRequest, req)

/** Deletes a board for everyone; the facilitator's token alone may. */
export async function deleteBoard(boardId: string, token: string): Promise<void> {
  let res: Response
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiCallError('network', 'network')
  }
  if (res.ok) return
  const data = (await res.json().catch(() => null)) as ApiError | null
  throw new ApiCallError(data?.error.code ?? `http_${res.status}`, data?.error.message ?? res.statusText)
}

export type JoinResponse = JoinBoardResponse

/** Joins a board and gets the token its WebSocket asks for. */
export const joinBoard = (boardId: string, req: JoinBoardRequest) =>
  post<JoinBoardResponse>(`/api/boards/${encodeURIComponent(boardId)}/join`, JoinBoardRequest, req)
