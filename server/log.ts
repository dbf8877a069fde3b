// The server's log: JSON lines from pino, one object each, with a level (LOG_LEVEL: fatal, error, warn, info,
// debug; info by default, silent in tests unless asked for) and, where there is one, the request id and the
// board id. What is written is chosen at each call; tokens, facilitator keys and note text are never passed
// in, and the fields that could carry a secret are redacted should one ever be.
import { pino, type Logger } from 'pino'

export type Log = Logger

const level = process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info')

export const log: Log = pino({
  level,
  base: { service: 'touchpoint' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['token', 'facilitatorKey', 'authorization', '*.token', '*.facilitatorKey', '*.authorization', 'text', '*.text'], censor: '[redacted]' },
})

/** The log of one board's work. */
export const boardLog = (boardId: string): Log => log.child({ boardId })

/** What an error says, without its stack for expected failures (storage, network). */
export const why = (err: unknown) => ({ err: err instanceof Error ? err.message : String(err) })
