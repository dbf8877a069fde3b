// WebSocket upgrades at /ws/:boardId and /ws/:boardId/private, checked and handed straight to ws.
//
// They bypass Hono on purpose: its WebSocket adapter builds a fetch Request, Headers, an AbortSignal and a
// context for every handshake, about a sixth of the server's CPU (and garbage) when 500 people join.
// Refusals are JSON like every other HTTP error (server/errors.ts).
import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { ApiError } from '../shared/api.js'
import type { Config } from './config.js'
import { relay, type RelayDeps } from './relay.js'

const WS_PATH = /^\/ws\/([^/?#]+)(\/private)?$/

export function wsUpgrades(config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'maxMessageBytes'>, deps: RelayDeps) {
  // ws checks each frame's declared length against maxPayload before buffering it (closes with 1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const allowed = new Set(config.allowedOrigins)
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).origin)

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = WS_PATH.exec(url.pathname)
    const boardId = path && decoded(path[1]!)
    if (!path || boardId === null) return refuse(socket, 404, 'not_found', 'No such route.')
    // Browsers always send Origin; a page elsewhere must not open sockets with our users' links.
    const origin = req.headers.origin
    if (origin && !allowed.has(origin) && !sameHost(origin, req.headers.host)) {
      return refuse(socket, 403, 'origin_not_allowed', `Origin ${origin} may not connect.`)
    }
    const token = url.searchParams.get('token') ?? undefined
    wss.handleUpgrade(req, socket, head, (ws) => relay(deps, ws, boardId, token, path[2] !== undefined))
  }
  return { wss, upgrade }
}

function refuse(socket: Duplex, status: 403 | 404, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } } satisfies ApiError)
  socket.on('error', () => {}) // a peer gone meanwhile is no concern of ours
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function decoded(segment: string) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function sameHost(origin: string, host: string | undefined) {
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}
