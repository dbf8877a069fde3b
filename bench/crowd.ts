// Cheap participants for the browser bench: each holds a WebSocket to the board and an awareness state,
// sends its presence (and pointer moves) like the stock client, and ignores everything it receives, so
// that 200 of them leave the CPU to the browser being measured.
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { PresenceCursor, PresenceUser } from '../shared/presence.js'

const AWARENESS = 1

export class CrowdMember {
  readonly awareness = new Awareness(new Y.Doc())
  readonly ws: WebSocket
  readonly opened: Promise<void>

  constructor(wsUrl: string, boardId: string, token: string | undefined, user: PresenceUser) {
    this.ws = new WebSocket(`${wsUrl}/${boardId}${token ? `?token=${token}` : ''}`)
    this.awareness.setLocalState({ user, cursor: null, typing: null })
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => {
        this.send()
        resolve()
      })
      this.ws.once('error', reject)
    })
    this.ws.on('message', () => {}) // listened to only so that the socket keeps reading
  }

  /** Publishes the local state, as y-websocket does on every awareness change. */
  private send() {
    if (this.ws.readyState !== WebSocket.OPEN) return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, AWARENESS)
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]))
    this.ws.send(encoding.toUint8Array(e))
  }

  set(field: 'cursor' | 'typing', value: PresenceCursor | string | null) {
    this.awareness.setLocalStateField(field, value)
    this.send()
  }

  close() {
    this.awareness.destroy()
    this.ws.close()
  }
}
