// Stock y-websocket clients in Node, and raw sockets for clients that misbehave.
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

export function stockClient(wsUrl: string, boardId: string, params: Record<string, string> = {}): StockClient {
  const doc = new Y.Doc()
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
export async function rawClient(wsUrl: string, boardId: string, headers: Record<string, string> = {}): Promise<RawClient> {
  const ws = new WebSocket(`${wsUrl}/${boardId}`, { headers })
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
