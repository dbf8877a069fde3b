// One polite live region for the whole app: moves, additions and deletions are spoken by screen readers.
import { createRoot, createSignal } from 'solid-js'

const [message, setMessage] = createRoot(() => createSignal(''))
export { message as announcement }

let flip = false
/** Re-announces identical messages too: a trailing invisible mark makes each one a new text. */
export function announce(text: string) {
  flip = !flip
  setMessage(text + (flip ? '\u200b' : ''))
}
