// Every HTTP error leaves the server as JSON { error: { code, message } }, from this one place.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiError as ApiErrorBody } from '../shared/api.js'
import { StorageError } from './storage/store.js'

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message })
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json<ApiErrorBody>({ error: { code, message } }, status)
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorResponse(c, err.status as ContentfulStatusCode, err.code, err.message)
  if (err instanceof StorageError) {
    console.error('storage error:', err.message)
    return errorResponse(c, 503, 'storage_unavailable', 'The board store is unavailable; try again shortly.')
  }
  if (err instanceof HTTPException) {
    return errorResponse(c, err.status as ContentfulStatusCode, 'http_error', err.message || 'Request refused.')
  }
  console.error('unexpected error:', err)
  return errorResponse(c, 500, 'internal', 'Something went wrong on the server.')
}
