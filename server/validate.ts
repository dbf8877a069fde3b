// Request bodies, checked before a handler sees them: the size, then JSON, then the shared schema
// (shared/requests.ts) through Hono's validator middleware, each refusal a clear { error: { code, message } }.
import { bodyLimit } from 'hono/body-limit'
import { every } from 'hono/combine'
import { createMiddleware } from 'hono/factory'
import { validator } from 'hono/validator'
import type * as v from 'valibot'
import { check } from '../shared/requests.js'
import { ApiError } from './errors.js'

const notJson = () => new ApiError(400, 'bad_json', 'The request body is not valid JSON.')

declare module 'hono' {
  interface ContextVariableMap {
    /** The request body as JSON, read by readJson for validBody. */
    jsonBody: unknown
  }
}

/**
 * Reads the body as JSON whatever its Content-Type says (so `curl -d` and a file posted as it is work too);
 * an empty body is {}. The value is kept for `validBody`; the request keeps the text for a handler that
 * wants the bytes, without a byte-order mark and as "{}" when empty, so Hono's own reading of it agrees.
 */
export const readJson = (refuse: (reason: string) => Error = notJson) =>
  createMiddleware(async (c, next) => {
    let text = (await c.req.raw.text()).replace(/^\uFEFF/, '')
    if (text.trim() === '') text = '{}'
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (e) {
      throw refuse((e as Error).message)
    }
    c.req.raw = new Request(c.req.raw, { body: text }) // as bodyLimit does: the same request, readable again
    c.set('jsonBody', value)
    await next()
  })

/** Refuses a body over `maxSize` with a clear 413 before reading it. */
export const bodyUpTo = (maxSize: number, message: string) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', message)
    },
  })

/** A JSON body of at most `maxSize` bytes, read (see readJson) for `validBody`. */
export const jsonBodyUpTo = (maxSize: number, message: string, refuse?: (reason: string) => Error) =>
  every(bodyUpTo(maxSize, message), readJson(refuse))

export const smallBody = jsonBodyUpTo(16 * 1024, 'The request body is larger than 16 KiB.')

/**
 * Hono's validator over the query string: `c.req.valid('query')` is the checked value, or a 400 naming the parameter.
 */
export const validQuery = <S extends v.GenericSchema>(schema: S, code = 'invalid_request') =>
  validator('query', (query, c): v.InferOutput<S> => {
    // Hono hands a parameter given once as a string, a repeated one as an array (which no picklist takes);
    // the schema compares values, so `format=__proto__` is just an unknown format.
    const checked = check(schema, query)
    if (!checked.ok) throw new ApiError(400, code, checked.message)
    return checked.value
  })

/**
 * Hono's validator over the JSON body read before it: `c.req.valid('json')` is the checked value (trimmed,
 * with defaults), or the request ends in a 400 with `code` and the message naming the wrong field. Hono's
 * own `json` target reads only bodies labelled JSON, so the value comes from readJson instead.
 */
export const validBody = <S extends v.GenericSchema>(schema: S, code = 'invalid_request') =>
  validator('json', (_labelledJson, c): v.InferOutput<S> => {
    const checked = check(schema, c.get('jsonBody'))
    if (!checked.ok) throw new ApiError(400, code, checked.message)
    return checked.value
  })
