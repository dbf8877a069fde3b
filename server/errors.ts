// Every HTTP error leaves the server as JSON { error: { code, message } }, from this one place.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiError as ApiErrorBody } from '../shared/api.js'
import { StorageError, type Store } from './storage/store.js'
import { log, why } from './log.js'

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message })
  }
}

/** The answer about a board that is not there: 410 once it was deleted (for good: its id is remembered), else
 *  `otherwise`, by default 404. */
export async function boardMissing(store: Pick<Store, 'deletedAt'>, id: string, otherwise?: ApiError): Promise<ApiError> {
  if ((await store.deletedAt(id)) !== undefined) {
    return new ApiError(410, 'board_deleted', 'This board was deleted: its notes, votes and map are gone.')
  }
  return otherwise ?? new ApiError(404, 'board_not_found', `No board with id "${id.slice(0, 64)}".`)
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json<ApiErrorBody>({ error: { code, message } }, status)
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorResponse(c, err.status as ContentfulStatusCode, err.code, err.message)
  if (err instanceof StorageError) {
    log.error(why(err), 'storage error')
    return errorResponse(c, 503, 'storage_unavailable', 'The board store is unavailable; try again shortly.')
  }
  if (err instanceof HTTPException) {
    return errorResponse(c, err.status as ContentfulStatusCode, 'http_error', err.message || 'Request refused.')
  }
  log.error({ err }, 'unexpected error')
  return errorResponse(c, 500, 'internal', 'Something went wrong on the server.')
}
