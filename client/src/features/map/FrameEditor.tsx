// The map's frame (DOMAIN.md, set up): its title, the persona it follows, its goal and scope. The facilitator
// edits it in any phase; everyone else reads it.
import { For, Show } from 'solid-js'
import type { Frame } from '../../../../shared/journeyMap.js'
import type { MessageKey } from '../../i18n/en.js'
import { fieldDir } from '../../lib/bidi.js'
import { t } from '../../i18n/i18n.js'
import { useMap } from './context.js'
import './FrameEditor.css'

const FIELDS: { key: keyof Frame; label: MessageKey; long?: boolean }[] = [
  { key: 'title', label: 'map.frame.title' },
  { key: 'personaName', label: 'map.frame.personaName' },
  { key: 'personaDescription', label: 'map.frame.personaDescription', long: true },
  { key: 'goal', label: 'map.frame.goal', long: true },
  { key: 'scope', label: 'map.frame.scope' },
]

export function FrameEditor() {
  const { store, canEdit } = useMap()
  const frame = () => store.state.map.frame
  const shown = () => FIELDS.filter((f) => f.key !== 'title' && frame()[f.key].trim())

  return (
    <section class="frame card" aria-labelledby="frame-heading">
      <Show
        when={canEdit()}
        fallback={
          <>
            <h2 id="frame-heading" class="map-title" dir="auto">
              {store.state.map.title || t('board.untitled')}
            </h2>
            <Show when={shown().length} fallback={<p class="hint">{t('map.frame.empty')}</p>}>
              <dl class="frame-read">
                <For each={shown()}>
                  {(f) => (
                    <div>
                      <dt>{t(f.label)}</dt>
                      <dd dir="auto">{frame()[f.key]}</dd>
                    </div>
                  )}
                </For>
              </dl>
            </Show>
          </>
        }
      >
        <h2 id="frame-heading">{t('map.frame.heading')}</h2>
        <div class="frame-fields">
          <For each={FIELDS}>
            {(f) => {
              const id = `frame-${f.key}`
              const write = (e: { currentTarget: { value: string } }) => store.actions.setFrame({ [f.key]: e.currentTarget.value })
              return (
                <div class="field" classList={{ wide: !!f.long }}>
                  <label for={id}>{t(f.label)}</label>
                  <Show
                    when={f.long}
                    fallback={
                      <input
                        id={id}
                        // Empty, the title shows the board's name as its placeholder: in that name's direction.
                        dir={fieldDir(frame()[f.key], f.key === 'title' ? store.state.map.title : '')}
                        maxLength={200}
                        placeholder={f.key === 'title' ? store.state.map.title : ''}
                        value={frame()[f.key]}
                        onInput={write}
                      />
                    }
                  >
                    <textarea id={id} dir="auto" rows={2} maxLength={1000} value={frame()[f.key]} onInput={write} />
                  </Show>
                </div>
              )
            }}
          </For>
        </div>
      </Show>
    </section>
  )
}
