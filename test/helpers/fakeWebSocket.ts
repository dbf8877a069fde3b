// A browser WebSocket for the stock y-websocket provider in Node: it opens at once, records what is sent on
// it, and hands the provider whatever a test says the server sent.
export class FakeWebSocket {
  static sent: Uint8Array[] = []
  readonly OPEN = 1
  readyState = 1
  binaryType = 'arraybuffer'
  onopen: (() => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: unknown = null
  onerror: unknown = null
  constructor() {
    queueMicrotask(() => this.onopen?.())
  }
  send(data: Uint8Array) {
    FakeWebSocket.sent.push(data)
  }
  close() {
    this.readyState = 3
  }
  /** A message from the server. */
  receive(message: Uint8Array) {
    this.onmessage?.({ data: message.slice().buffer })
  }
}
