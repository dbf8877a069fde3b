// Stock y-websocket clients in Node, and raw sockets for clients that misbehave.
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { JoinBoardRequest } from '../../shared/api.js'
import { joinBoard } from './server.js'

// Each stock provider adds a process 'exit' listener (to clear its presence); tests hold twenty at once.
process.setMaxListeners(100)

export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** `doc`: what the client holds before it connects (a device's copy with its offline work); empty by default. */
export function stockClient(wsUrl: string, boardId: string, params: Record<string, string> = {}, doc = new Y.Doc()): StockClient {
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export interface Member extends StockClient {
  /** The participant id the server issued: notes must carry it as their author. */
  me: string
  token: string
}

/** Joins over HTTP (a facilitator when given the key), then connects the stock client with the token. */
export async function member(url: string, boardId: string, join: JoinBoardRequest = { name: 'Tester' }): Promise<Member> {
  const j = await joinBoard(url, boardId, join)
  const c = stockClient(`${url.replace('http', 'ws')}/ws`, boardId, { token: j.token })
  return Object.assign(c, { me: j.participantId, token: j.token })
}

export function synced(c: StockClient): Promise<void> {
  if (c.provider.synced) return Promise.resolve()
  return new Promise((resolve) => c.provider.once('sync', (s: boolean) => s && resolve()))
}

/** Resolves when `check` holds, polling; rejects with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export interface RawClient {
  ws: WebSocket
  frames: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
}

/** A plain WebSocket speaking whatever bytes the test sends. */
export async function rawClient(
  wsUrl: string,
  boardId: string,
  token = '',
  headers: Record<string, string> = {},
): Promise<RawClient> {
  const ws = new WebSocket(`${wsUrl}/${boardId}?token=${token}`, { headers })
  const frames: Uint8Array[] = []
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, frames, closed }
}
