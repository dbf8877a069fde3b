// Writes a new note at the end of a stage. The kind last chosen is remembered, the composer keeps the
// focus so that a participant can write note after note, and the note shows up in the same frame. While
// it is typed, the notes that say nearly the same are offered beneath (SimilarNotes).
import { For, createSignal } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { NOTE_KINDS, isNoteKind, type NoteKind, type Stage } from '../../../../shared/schema.js'
import { announce } from '../../lib/announce.js'
import { fieldDir } from '../../lib/bidi.js'
import { load, save } from '../../lib/storage.js'
import { t } from '../../i18n/i18n.js'
import { useBoard } from './context.js'
import { KindIcon } from '../../ui/KindIcon.js'
import { SimilarNotes, warmsSimilarNotes } from './SimilarNotes.js'
import './NoteComposer.css'

const lastKind = (): NoteKind => {
  const k = load('kind')
  return isNoteKind(k) ? k : 'action'
}

export function NoteComposer(props: { stage: Stage }) {
  const { rules } = useBoard()
  const [kind, setKind] = createSignal<NoteKind>(lastKind())
  const [text, setText] = createSignal('')
  const warmSimilar = warmsSimilarNotes()
  let input!: HTMLTextAreaElement
  const id = () => `composer-${props.stage.id}`
  const placeholder = () => (rules.writesPrivately() ? t('private.placeholder') : t('composer.placeholder'))

  function add(e?: Event) {
    e?.preventDefault()
    const value = text().trim()
    if (!value) return input.focus()
    // While everyone writes privately, the note goes to this person's private document.
    const privately = rules.writesPrivately()
    rules.noteTarget().actions.addNote(props.stage.id, kind(), value)
    setText('')
    input.focus()
    announce(t(privately ? 'private.added' : 'announce.added', { stage: props.stage.name }))
  }

  return (
    <form class="composer" classList={{ 'has-text': !!text() }} onSubmit={add}>
      <textarea
        ref={input}
        id={id()}
        class="composer-text"
        dir={fieldDir(text(), placeholder())}
        rows={1}
        maxLength={LIMITS.noteLength}
        placeholder={placeholder()}
        aria-label={t('composer.label', { stage: props.stage.name })}
        aria-describedby={`${id()}-kind ${id()}-hint`}
        value={text()}
        onFocus={warmSimilar}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) add(e)
        }}
      />
      <SimilarNotes text={text()} id={id()} />
      <p class={`composer-kind kind-${kind()}`} id={`${id()}-kind`}>
        <KindIcon kind={kind()} />
        {t('composer.willBe', { kind: t(`kind.${kind()}`) })}
      </p>
      <div class="composer-more">
        <fieldset class="kind-picker">
          <legend class="visually-hidden">{t('composer.kind')}</legend>
          <For each={NOTE_KINDS}>
            {(k) => (
              <label class={`kind-chip kind-${k}`}>
                <input
                  type="radio"
                  name={`${id()}-kind`}
                  value={k}
                  checked={kind() === k}
                  onChange={() => {
                    setKind(k)
                    save('kind', k)
                  }}
                />
                <KindIcon kind={k} />
                <span>{t(`kind.${k}`)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <p class="hint" id={`${id()}-hint`}>
          {t('composer.hint')}
        </p>
        <button type="submit" class="button primary small">
          {t('composer.add')}
        </button>
      </div>
    </form>
  )
}
