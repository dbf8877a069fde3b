// WebSocket upgrades at /ws/:boardId and /ws/:boardId/private, checked and handed straight to ws.
//
// They bypass Hono on purpose: its WebSocket adapter builds a fetch Request, Headers, an AbortSignal and a
// context for every handshake, about a sixth of the server's CPU (and garbage) when 500 people join.
// Refusals are JSON like every other HTTP error (server/errors.ts).
//
// Nothing is loaded before the token is checked: the board id must look like one of ours, the Origin and
// Host must be this server's, and the token must be a participant's of that board. Only then is the socket
// handed to the relay, which loads the document; a refused socket is closed with its code (4401, 4403,
// 4404, 4410 for a deleted board) without any document being read.
import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { ApiError } from '../shared/api.js'
import { CloseCode } from '../shared/closeCodes.js'
import type { Config } from './config.js'
import { relay, type RelayDeps } from './relay.js'
import type { Store } from './storage/store.js'
import type { Identity } from './connection.js'
import type { Workshop } from './workshop.js'
import { boardLog, why } from './log.js'

const WS_PATH = /^\/ws\/([^/?#]+)(\/private)?$/
/** A board id: a nanoid (21 characters of A-Z a-z 0-9 _ -), with room for ids of other lengths, never a slash. */
export const BOARD_ID = /^[A-Za-z0-9_-]{8,64}$/

export type UpgradeConfig = Pick<Config, 'publicUrl' | 'allowedOrigins' | 'maxMessageBytes' | 'maxFirstSyncBytes'> & Partial<Pick<Config, 'host'>>

export function wsUpgrades(config: UpgradeConfig, deps: RelayDeps & { store: Pick<Store, 'getBoard' | 'deletedAt'> }) {
  // ws checks each frame's declared length against maxPayload before buffering it (closes with 1009).
  // That is the first sync answer's larger limit; relay.ts holds every other message to maxMessageBytes.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(config.maxMessageBytes, config.maxFirstSyncBytes) })
  const allowed = new Set<string>()
  for (const o of [...config.allowedOrigins, ...(config.publicUrl ? [config.publicUrl] : [])]) {
    const origin = originOf(o)
    if (origin) allowed.add(origin)
  }
  // A Host naming one of those is ours too: a proxy in front passes the public name.
  const allowedHosts = new Set([...allowed].map((o) => new URL(o).host))
  const listenHost = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? hostname(config.host) : undefined

  /** Whether `host` (the Host header) names this server as reached directly (its address or localhost, with
   *  the port it was reached on): then `http://<host>` is its own origin. */
  const localHost = (host: string, req: IncomingMessage) => {
    const u = parseHost(host)
    if (!u || Number(u.port || 80) !== req.socket.localPort) return false
    const local = req.socket.localAddress && hostname(req.socket.localAddress.replace(/^::ffff:/, ''))
    return ['localhost', '127.0.0.1', '[::1]', listenHost, local].includes(u.hostname)
  }

  /** A handshake refused before it is a WebSocket: an HTTP answer, counted with the others. */
  const refuse = (socket: Duplex, status: 403 | 404, code: string, message: string) => {
    deps.metrics?.httpRefused(status)
    refuseHandshake(socket, status, code, message)
  }

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {}) // a peer gone meanwhile is no concern of ours
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = WS_PATH.exec(url.pathname)
    const boardId = path && decoded(path[1]!)
    if (!path || boardId === null || !BOARD_ID.test(boardId)) return refuse(socket, 404, 'not_found', 'No such route.')
    const privateNotes = path[2] !== undefined
    // Browsers always send Origin; a page elsewhere must not open sockets with our users' links. Its scheme,
    // host and port must be those of PUBLIC_URL, ALLOWED_ORIGINS or this server, and the server's own origin
    // counts only when the Host names this server, so a stranger's name pointed at us (DNS rebinding) is not ours.
    const origin = req.headers.origin
    if (origin !== undefined) {
      const host = (req.headers.host ?? '').toLowerCase()
      const own = originOf(origin)
      const direct = localHost(host, req)
      // A configured host (a proxy in front passing the public name) takes only the configured origins.
      if (!direct && !allowedHosts.has(host)) return refuse(socket, 403, 'host_not_allowed', `Host ${host || '(none)'} is not this server.`)
      if (!own || !(allowed.has(own) || (direct && own === originOf(`http://${host}`)))) {
        return refuse(socket, 403, 'origin_not_allowed', `Origin ${origin} may not connect.`)
      }
    }
    const token = url.searchParams.get('token') || undefined

    void (async (): Promise<readonly [number, string] | Identity> => {
      const identity = await deps.workshop.authenticate(boardId, token)
      if (!identity) {
        if (await deps.store.getBoard(boardId)) return [CloseCode.unauthorized, 'a valid token is required']
        return (await deps.store.deletedAt(boardId)) !== undefined
          ? [CloseCode.deleted, 'the board was deleted']
          : [CloseCode.unknownBoard, 'unknown board']
      }
      if (privateNotes && identity.role === 'observer') return [CloseCode.forbidden, 'observers have no private notes']
      return identity
    })()
      .catch((err: Error) => {
        boardLog(boardId).error(why(err), 'could not check the token')
        return [CloseCode.storageUnavailable, 'storage unavailable'] as const
      })
      .then((checked) => {
        if (socket.destroyed) return
        wss.handleUpgrade(req, socket, head, (ws) => {
          if (Array.isArray(checked)) {
            deps.metrics?.socketRefused(checked[0])
            return ws.close(checked[0], checked[1])
          }
          // The relay asks again who this is; the answer is the one just checked, not a second lookup.
          const known = checked as Identity
          const workshop = Object.create(deps.workshop, { authenticate: { value: async () => known } }) as Workshop
          relay({ ...deps, workshop }, ws as WebSocket, boardId, token, privateNotes)
        })
      })
  }
  return { wss, upgrade }
}

function refuseHandshake(socket: Duplex, status: 403 | 404, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } } satisfies ApiError)
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

/** `scheme://host[:port]` of an http(s) origin as the URL standard writes it (default ports left out), or undefined. */
function originOf(s: string): string | undefined {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined
  } catch {
    return undefined
  }
}

/** A Host header's name and port, when it is nothing but that. */
function parseHost(host: string): URL | undefined {
  try {
    const u = new URL(`http://${host}`)
    return u.host === host || `${u.host}:80` === host ? u : undefined
  } catch {
    return undefined
  }
}

/** An address or name as it appears in a URL: lower case, IPv6 in brackets. */
function hostname(h: string) {
  return h.includes(':') && !h.startsWith('[') ? `[${h.toLowerCase()}]` : h.toLowerCase()
}
