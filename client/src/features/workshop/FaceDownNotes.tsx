// Other people's notes while everyone writes privately: only how many there are, as a stack of card backs.
import { For } from 'solid-js'
import { t } from '../../i18n/i18n.js'
import './FaceDownNotes.css'

const SHOWN = 3

export function FaceDownNotes(props: { count: number }) {
  return (
    <li role="listitem" class="face-down" data-testid="face-down" data-count={props.count}>
      <span class="face-down-stack" aria-hidden="true">
        <For each={Array.from({ length: Math.min(SHOWN, props.count) })}>{() => <span class="card-back" />}</For>
      </span>
      <span class="face-down-count">{t('private.faceDown', { count: props.count })}</span>
    </li>
  )
}
