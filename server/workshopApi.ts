// The workshop over HTTP: join a board (get a token), act on it (facilitator and votes), read the clock.
import { Hono } from 'hono'
import { PHASES, type Action, type Phase } from '../shared/workshop.js'
import { parseObject, smallBody } from './api.js'
import { ApiError } from './errors.js'
import type { JoinBoardRequest } from '../shared/api.js'
import type { Workshop } from './workshop.js'

export function workshopApi(workshop: Workshop) {
  const api = new Hono()

  api.get('/time', (c) => c.json({ now: Date.now() }))

  api.post('/boards/:id/join', smallBody, async (c) => {
    const body = parseObject<JoinBoardRequest>(await c.req.text())
    return c.json(await workshop.join(c.req.param('id'), body), 201)
  })

  api.post('/boards/:id/actions', smallBody, async (c) => {
    const boardId = c.req.param('id')
    const who = await workshop.authenticate(boardId, bearerToken(c.req.header('authorization')))
    if (!who) throw new ApiError(401, 'unauthorized', 'A valid participant token is required (Authorization: Bearer …).')
    await workshop.act(boardId, who, parseAction(await c.req.text()))
    return c.json({ ok: true, serverNow: Date.now() })
  })

  return api
}

/** The token of an `Authorization: Bearer <token>` header. */
export const bearerToken = (header: string | undefined) => header?.match(/^Bearer (\S+)$/)?.[1]

const bad = (msg: string) => new ApiError(400, 'invalid_action', msg)
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max

export function parseAction(body: string): Action {
  const a = parseObject<Record<string, unknown>>(body) as Record<string, unknown>
  switch (a.type) {
    case 'setPhase':
      if (!PHASES.includes(a.phase as never)) throw bad(`"phase" must be one of ${PHASES.join(', ')}.`)
      return { type: a.type, phase: a.phase as Phase }
    case 'setLocked':
      if (typeof a.locked !== 'boolean') throw bad('"locked" must be true or false.')
      return { type: a.type, locked: a.locked }
    case 'setPrivateWriting':
      if (typeof a.on !== 'boolean') throw bad('"on" must be true or false.')
      return { type: a.type, on: a.on }
    case 'revealNotes':
    case 'revealVotes':
      return { type: a.type }
    case 'setBudget':
      if (!isInt(a.budget, 1, 50) || !isInt(a.maxPerItem, 1, 50)) throw bad('"budget" and "maxPerItem" must be whole numbers from 1 to 50.')
      return { type: a.type, budget: a.budget, maxPerItem: a.maxPerItem }
    case 'vote':
      if (typeof a.itemId !== 'string' || (a.delta !== 1 && a.delta !== -1)) throw bad('"itemId" is required and "delta" must be 1 or -1.')
      return { type: a.type, itemId: a.itemId, delta: a.delta }
    case 'timer': {
      const commands = ['start', 'pause', 'resume', 'extend', 'clear'] as const
      if (!commands.includes(a.command as never)) throw bad(`"command" must be one of ${commands.join(', ')}.`)
      const ms = a.ms ?? 0
      if (!isInt(ms, 0, 4 * 3600_000)) throw bad('"ms" must be a whole number of milliseconds up to 4 hours.')
      return { type: a.type, command: a.command as (typeof commands)[number], ms }
    }
    case 'handOver':
    case 'removeParticipant':
      if (typeof a.participantId !== 'string') throw bad('"participantId" is required.')
      return { type: a.type, participantId: a.participantId }
    default:
      throw bad(`Unknown action type ${JSON.stringify(a.type)}.`)
  }
}
