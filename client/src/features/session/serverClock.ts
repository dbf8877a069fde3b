// The server's clock as seen from this browser: the timer's end is a server time, so every screen counts
// down to the same moment however wrong the local clock is. One round trip to /api/time gives the offset.
import { createSignal } from 'solid-js'

/** The server's clock minus ours, assuming the answer was stamped halfway through the round trip. */
export const offsetFrom = (sentAt: number, serverNow: number, receivedAt: number) =>
  Math.round(serverNow - (sentAt + receivedAt) / 2)

async function fetchServerNow(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store' })
  const body = (await res.json()) as { now?: unknown }
  if (typeof body.now !== 'number') throw new Error('no time in the answer')
  return body.now
}

export type ServerClock = ReturnType<typeof createServerClock>

export function createServerClock(askServer: () => Promise<number> = fetchServerNow, localNow: () => number = Date.now) {
  const [offset, setOffset] = createSignal(0)
  const [known, setKnown] = createSignal(false)
  let bestRoundTrip = Infinity

  /** Takes a few samples and keeps the one with the shortest round trip: the least wrong. */
  async function sync(samples = 3): Promise<void> {
    for (let i = 0; i < samples; i++) {
      const sent = localNow()
      let server: number
      try {
        server = await askServer()
      } catch {
        return
      }
      const received = localNow()
      if (received - sent <= bestRoundTrip) {
        bestRoundTrip = received - sent
        setOffset(offsetFrom(sent, server, received))
        setKnown(true)
      }
    }
  }

  return { offset, known, sync, now: () => localNow() + offset() }
}
