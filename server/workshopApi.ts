// The workshop over HTTP: join a board (get a token), act on it (facilitator and votes), read the clock.
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ActionRequest, JoinBoardRequest } from '../shared/requests.js'
import { ApiError } from './errors.js'
import { smallBody, validBody } from './validate.js'
import type { Identity } from './connection.js'
import type { Workshop } from './workshop.js'

export function workshopApi(workshop: Workshop) {
  const api = new Hono()

  api.get('/time', (c) => c.json({ now: Date.now() }))

  api.post('/boards/:id/join', smallBody, validBody(JoinBoardRequest), async (c) => {
    return c.json(await workshop.join(c.req.param('id'), c.req.valid('json')), 201)
  })

  // Who asks comes first, before the body is read: a stranger learns nothing about what a valid action looks like.
  const participant = createMiddleware<{ Variables: { who: Identity } }>(async (c, next) => {
    const who = await workshop.authenticate(c.req.param('id')!, bearerToken(c.req.header('authorization')))
    if (!who) throw await workshop.refusal(c.req.param('id')!, new ApiError(401, 'unauthorized', 'A valid participant token is required (Authorization: Bearer …).'))
    c.set('who', who)
    await next()
  })

  api.post('/boards/:id/actions', participant, smallBody, validBody(ActionRequest, 'invalid_action'), async (c) => {
    await workshop.act(c.req.param('id'), c.var.who, c.req.valid('json'))
    return c.json({ ok: true, serverNow: Date.now() })
  })

  return api
}

/** The token of an `Authorization: Bearer <token>` header. */
export const bearerToken = (header: string | undefined) => header?.match(/^Bearer (\S+)$/)?.[1]
