// y-websocket 3's provider sends every awareness change back to the server, the remote ones it has just
// received too: on a crowded board each browser would echo every cursor of everyone (hundreds of frames a
// second, all refused by the server as not its own). This browser speaks only for its own awareness client.
import * as bc from 'lib0/broadcastchannel'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { messageAwareness, type WebsocketProvider } from 'y-websocket'

type Change = { added: number[]; updated: number[]; removed: number[] }

/** Replaces the provider's awareness handler with one that sends only this client's changes, as the
 *  provider does (over its socket when connected, and to other tabs over its BroadcastChannel). It takes
 *  the provider's handler's place, so `provider.destroy()` removes it. */
export function sendOnlyOwnAwareness(provider: WebsocketProvider) {
  const { awareness } = provider
  const own = awareness.clientID
  const send = ({ added, updated, removed }: Change) => {
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]))
    const message = encoding.toUint8Array(encoder)
    const ws = provider.ws
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message)
    if (provider.bcconnected) bc.publish(provider.bcChannel, message, provider)
  }
  awareness.off('update', provider._awarenessUpdateHandler)
  provider._awarenessUpdateHandler = send
  awareness.on('update', send)
}
