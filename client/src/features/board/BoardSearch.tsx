// The board's search and filters: a button in the bar above the board ("/" or Ctrl/Cmd+K from anywhere but
// a field) opens a row across the bar, like a browser's find bar: the text, filters by kind, author and stage,
// how many notes are shown (spoken once the filter settles), and a close button. The row stays open while any
// filter is on, so a filtered board always says so; closing it (× or Escape) clears it all and puts the focus
// back where it was.
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js'
import { NOTE_KINDS, isNoteKind } from '../../../../shared/schema.js'
import { useBoard } from './context.js'
import { isSearchShortcut } from './search.js'
import { announce } from '../../lib/announce.js'
import { fieldDir } from '../../lib/bidi.js'
import { locale, t } from '../../i18n/i18n.js'
import { SearchIcon } from '../../ui/icons.js'
import './BoardSearch.css'

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])'
const SHORTCUTS = '/ Control+K Meta+K'
/** Quiet time after the last change before the count is spoken, so that typing is not talked over. */
const SPEAK_AFTER_MS = 700

export function BoardSearch() {
  const { board, search } = useBoard()
  const [open, setOpen] = createSignal(false)
  const shown = () => open() || search.active()
  let row: HTMLDivElement | undefined
  let field: HTMLInputElement | undefined
  let toggle!: HTMLButtonElement
  let returnTo: HTMLElement | null = null

  const countText = () => {
    const c = search.count()
    return c ? t('search.count', { shown: c.shown, count: c.total }) : ''
  }

  function start() {
    const was = document.activeElement
    if (!row?.contains(was)) returnTo = was instanceof HTMLElement && was !== document.body && was !== toggle ? was : null
    setOpen(true)
    field?.focus()
    field?.select()
  }

  /** Clears the search and the filters, closes the row, and puts the focus back where it was before. */
  function end() {
    search.clear()
    setOpen(false)
    const back = returnTo?.isConnected ? returnTo : toggle
    returnTo = null
    back.focus()
  }

  const onDocKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !isSearchShortcut(e)) return
    if ((e.target as Element | null)?.closest?.(EDITABLE) || document.querySelector('dialog[open]')) return
    e.preventDefault()
    start()
  }
  document.addEventListener('keydown', onDocKey)
  onCleanup(() => document.removeEventListener('keydown', onDocKey))

  let speak: ReturnType<typeof setTimeout> | undefined
  createEffect(
    on(
      () => [search.filter.text, search.filter.kind, search.filter.author, search.filter.stage],
      () => {
        clearTimeout(speak)
        speak = setTimeout(() => search.active() && announce(countText()), SPEAK_AFTER_MS)
      },
      { defer: true },
    ),
  )
  onCleanup(() => clearTimeout(speak))

  // Who wrote the notes, by name; looked for only while the row is open (it reads every note).
  const authors = createMemo(() => {
    if (!shown()) return []
    const collator = new Intl.Collator(locale().code)
    return search
      .authors()
      .map((a) => ({ id: a.id, name: a.name?.trim() || t('people.anonymous') }))
      .sort((a, b) => collator.compare(a.name, b.name))
  })

  return (
    <>
      <button
        ref={toggle}
        type="button"
        class="icon-button search-open"
        classList={{ away: shown() }}
        aria-label={t('search.open')}
        title={`${t('search.open')} (/)`}
        aria-keyshortcuts={SHORTCUTS}
        aria-expanded={shown()}
        aria-controls="board-search"
        onClick={start}
      >
        <SearchIcon />
      </button>
      <Show when={shown()}>
        <div
          ref={row}
          id="board-search"
          class="board-search"
          role="search"
          aria-label={t('search.region')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return
            e.preventDefault()
            e.stopPropagation()
            end()
          }}
          // Left empty, it closes when one goes elsewhere; with a filter on, it stays to say so.
          onFocusOut={(e) => !search.active() && !row?.contains(e.relatedTarget as Node) && setOpen(false)}
        >
          <label class="search-field">
            <SearchIcon />
            <input
              ref={field}
              type="search"
              class="search-input"
              dir={fieldDir(search.filter.text, t('search.placeholder'))}
              aria-label={t('search.label')}
              aria-keyshortcuts={SHORTCUTS}
              aria-describedby={search.count() ? 'board-search-count' : undefined}
              placeholder={t('search.placeholder')}
              autocomplete="off"
              value={search.filter.text}
              onInput={(e) => search.set({ text: e.currentTarget.value })}
            />
          </label>
          <div class="search-filters" role="group" aria-label={t('search.filters')}>
            <FilterSelect label={t('search.kind')} value={search.filter.kind} onPick={(v) => search.set({ kind: isNoteKind(v) ? v : '' })}
              options={['', ...NOTE_KINDS]} name={(k) => (isNoteKind(k) ? t(`kind.${k}`) : t('search.kind.any'))} />
            <FilterSelect label={t('search.author')} value={search.filter.author} onPick={(v) => search.set({ author: v })}
              options={['', ...authors().map((a) => a.id)]} name={(id) => (id ? authors().find((a) => a.id === id)?.name ?? '' : t('search.author.any'))} />
            <FilterSelect label={t('search.stage')} value={search.filter.stage} onPick={(v) => search.set({ stage: v })}
              options={['', ...board.state.stages.map((s) => s.id)]} name={(id) => (id ? board.state.stages.find((s) => s.id === id)?.name ?? '' : t('search.stage.any'))} />
          </div>
          <Show when={search.count()}>
            <span id="board-search-count" class="search-count" data-testid="search-count">
              {countText()}
            </span>
          </Show>
          <button type="button" class="icon-button search-close" aria-label={t('search.close')} title={t('search.close')} onClick={end}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </Show>
    </>
  )
}

/** One filter: its options are values (kept as they are while names change, so the choice holds), named. */
function FilterSelect(props: { label: string; value: string; options: string[]; name: (value: string) => string; onPick: (value: string) => void }) {
  return (
    <label class="search-filter">
      <span class="search-filter-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onPick(e.currentTarget.value)}>
        <For each={props.options}>{(v) => <option value={v}>{props.name(v)}</option>}</For>
      </select>
    </label>
  )
}
