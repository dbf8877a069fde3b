// A text with some of its ranges marked (<mark>): the words a search found. Marks split no character, so
// Arabic and Persian letters keep joining across them and the paragraph's direction is the text's own.
import { For, Show } from 'solid-js'
import './MarkedText.css'

export function MarkedText(props: { text: string; ranges: readonly [number, number][] }) {
  const parts = () => {
    const out: { text: string; marked: boolean }[] = []
    let at = 0
    for (const [start, end] of props.ranges) {
      if (start > at) out.push({ text: props.text.slice(at, start), marked: false })
      out.push({ text: props.text.slice(start, end), marked: true })
      at = end
    }
    if (at < props.text.length) out.push({ text: props.text.slice(at), marked: false })
    return out
  }
  return (
    <Show when={props.ranges.length > 0} fallback={props.text}>
      <For each={parts()}>{(p) => (p.marked ? <mark class="found">{p.text}</mark> : p.text)}</For>
    </Show>
  )
}
