// The floor: the least any relay can do, run as a third server in the fan-out scenarios. It keeps no
// document, checks nothing and stores nothing: each update a client sends is framed once (with our
// server's own framing) and written to every socket, one write each; a joiner gets the updates so far
// merged into one sync step 2. A relay that writes each update to each socket cannot spend less server
// CPU per delivered update on this machine than this does.
import type { Socket } from 'node:net'
import * as decoding from 'lib0/decoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import { syncStep2Frame, updateFrame } from '../server/protocol.js'

const wss = new WebSocketServer({ port: Number(process.env.PORT), host: process.env.HOST, perMessageDeflate: false })
const rooms = new Map<string, { sockets: Set<Socket>; log: Uint8Array[] }>()

wss.on('connection', (ws: WebSocket, req) => {
  const name = req.url ?? '/'
  const room = rooms.get(name) ?? rooms.set(name, { sockets: new Set(), log: [] }).get(name)!
  const tcp = (ws as unknown as { _socket: Socket })._socket
  room.sockets.add(tcp)
  ws.on('close', () => room.sockets.delete(tcp))
  ws.on('message', (data: Buffer) => {
    if (data[0] !== 0) return // presence is not relayed: the fan-out measures updates
    const d = decoding.createDecoder(data)
    decoding.readVarUint(d)
    const step = decoding.readVarUint(d)
    const payload = decoding.readVarUint8Array(d)
    if (step === 0) {
      tcp.write(syncStep2Frame(room.log.length > 0 ? Y.mergeUpdates(room.log) : Y.encodeStateAsUpdate(new Y.Doc())))
      return
    }
    room.log.push(payload)
    const frame = updateFrame(payload)
    for (const s of room.sockets) s.write(frame)
  })
})
