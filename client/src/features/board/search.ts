// Searching and filtering the board's notes (issue 15): by text, matched as readers of Arabic and Persian
// expect (shared/textMatch.ts), by kind, author and stage. The filter lives here, in the board, so that
// whatever shows notes (the stages, the workshop's cluster cards) hides the same ones. Each text is folded
// once and again only when it changes, so filtering a thousand notes per keystroke is a thousand substring
// searches.
import { createComputed, createEffect, createMemo, createSignal, on, onCleanup, untrack, type Signal } from 'solid-js'
import { createStore } from 'solid-js/store'
import { foldWithMap, holdsWords, queryWords, rangesOf } from '../../../../shared/textMatch.js'
import type { Note, NoteKind } from '../../../../shared/schema.js'

export interface NoteFilter {
  text: string
  /** '' for any. */
  kind: NoteKind | ''
  author: string
  stage: string
}

export const NO_FILTER: NoteFilter = { text: '', kind: '', author: '', stage: '' }

type Folded = ReturnType<typeof foldWithMap>

/** Folds each text once per change of it; keyed by note (or `cluster:<id>`). */
export function createFoldCache() {
  const cache = new Map<string, { text: string; folded: Folded }>()
  return (key: string, text: string): Folded => {
    const hit = cache.get(key)
    if (hit?.text === text) return hit.folded
    const folded = foldWithMap(text)
    cache.set(key, { text, folded })
    return folded
  }
}
export type FoldCache = ReturnType<typeof createFoldCache>

export interface FilterResult {
  /** Ids of the notes the filter keeps. */
  kept: Set<string>
  /** Notes searched. */
  total: number
  /** Kept notes per stage id. */
  byStage: Map<string, number>
}

type Searched = Pick<Note, 'id' | 'text' | 'kind' | 'authorId' | 'stageId' | 'clusterId' | 'createdAt'>

/** The notes `filter` keeps: every word of its text in the note's text, or in the name of the note's cluster
 *  (a cluster found by its name shows its notes), and its kind, author and stage when they are set; and any
 *  that `alsoKeep` says. */
export function filterNotes(
  notes: Iterable<Searched>,
  filter: NoteFilter,
  fold: FoldCache,
  clusterName: (clusterId: string) => string | undefined = () => undefined,
  alsoKeep: (note: Searched) => boolean = () => false,
): FilterResult {
  const words = queryWords(filter.text)
  const clusterHolds = new Map<string, boolean>()
  const named = (id: string) => {
    let holds = clusterHolds.get(id)
    if (holds === undefined) {
      const name = clusterName(id)
      clusterHolds.set(id, (holds = !!name && holdsWords(fold(`cluster:${id}`, name).folded, words)))
    }
    return holds
  }
  const kept = new Set<string>()
  const byStage = new Map<string, number>()
  let total = 0
  for (const n of notes) {
    total++
    if (!alsoKeep(n)) {
      if (filter.kind && n.kind !== filter.kind) continue
      if (filter.author && n.authorId !== filter.author) continue
      if (filter.stage && n.stageId !== filter.stage) continue
      if (words.length && !holdsWords(fold(n.id, n.text).folded, words) && !(n.clusterId && named(n.clusterId))) continue
    }
    kept.add(n.id)
    byStage.set(n.stageId, (byStage.get(n.stageId) ?? 0) + 1)
  }
  return { kept, total, byStage }
}

export interface BoardSearchSources {
  /** Every note this person sees on the board: the board's and their own private ones. */
  notes: () => Iterable<Note>
  clusterName?: (clusterId: string) => string | undefined
  /** The name of a person who wrote notes, if the board knows them. */
  authorName?: (personId: string) => string | undefined
  /** A note that stays shown whatever the filter: the one being edited. */
  keep?: () => string | null
  /** This person: the notes they write while a filter is on stay shown until it changes (it would seem to
   *  swallow them). */
  me?: () => string
}

export type BoardSearch = ReturnType<typeof createBoardSearch>

/** How long typing pauses before the found words are marked. */
export const MARK_AFTER_MS = 150

export function createBoardSearch(sources: BoardSearchSources) {
  const [filter, setFilter] = createStore<NoteFilter>({ ...NO_FILTER })
  const fold = createFoldCache()
  let since = Infinity
  const ownNew = (n: Searched) => n.createdAt >= since && n.authorId === sources.me?.()
  const words = createMemo(() => queryWords(filter.text), [], { equals: (a, b) => a.join(' ') === b.join(' ') })
  const active = createMemo(() => words().length > 0 || !!filter.kind || !!filter.author || !!filter.stage)
  // Nothing is read while no filter is on: notes change at no cost then.
  const result = createMemo(() =>
    active()
      ? filterNotes(sources.notes(), { text: words().join(' '), kind: filter.kind, author: filter.author, stage: filter.stage }, fold, sources.clusterName, ownNew)
      : null,
  )
  // One signal per note, set only when its note comes or goes: a keystroke wakes the cards it changes, not
  // all thousand of them.
  const shown = new Map<string, Signal<boolean>>()
  const keeps = (r: FilterResult | null, id: string) => !r || r.kept.has(id)
  createComputed(() => {
    const r = result()
    for (const [id, [, set]] of shown) set(keeps(r, id))
  })
  // Marks follow once typing pauses: marking hundreds of notes at each letter would hold up the next one.
  const [marked, setMarked] = createSignal<string[]>([])
  let marking: ReturnType<typeof setTimeout> | undefined
  createEffect(
    on(words, (w) => {
      clearTimeout(marking)
      if (!w.length) setMarked([])
      else marking = setTimeout(() => setMarked(w), MARK_AFTER_MS)
    }),
  )
  onCleanup(() => clearTimeout(marking))
  return {
    filter,
    set(patch: Partial<NoteFilter>) {
      since = Date.now()
      setFilter(patch)
    },
    clear: () => setFilter({ ...NO_FILTER }),
    active,
    /** Whether a note is shown (always, while no filter is on). */
    shows(id: string): boolean {
      let s = shown.get(id)
      if (!s) shown.set(id, (s = createSignal(keeps(untrack(result), id))))
      return s[0]() || sources.keep?.() === id
    },
    /** "12 of 200": shown and searched notes, while a filter is on. */
    count: () => {
      const r = result()
      return r && { shown: r.kept.size, total: r.total }
    },
    shownIn: (stageId: string) => result()?.byStage.get(stageId) ?? 0,
    /** Where the searched words are in a note's text (or a cluster's name, keyed `cluster:<id>`), to mark. */
    marks: (key: string, text: string): [number, number][] => (marked().length ? rangesOf(text, fold(key, text), marked()) : []),
    /** Who wrote the notes, to filter by (read it only while the search is open: it looks at every note). */
    authors(): { id: string; name: string | undefined }[] {
      const ids = new Set<string>()
      for (const n of sources.notes()) ids.add(n.authorId)
      return [...ids].map((id) => ({ id, name: sources.authorName?.(id) }))
    },
  }
}

/** "/" or Ctrl/Cmd+K opens the search (Ctrl+F stays the browser's find). The slash is taken by key or by
 *  place: an Arabic layout types ظ on that key. Whoever calls it checks that no field has the focus. */
export function isSearchShortcut(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (e.altKey) return false
  if (e.ctrlKey || e.metaKey) return !e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')
  return e.key === '/' || (e.code === 'Slash' && !e.shiftKey)
}
