// The map item being dragged, if any: cells accept a drop only while one is.
import { createRoot, createSignal } from 'solid-js'

const [dragging, setDragging] = createRoot(() => createSignal<string | null>(null))
export { dragging, setDragging }
