// This person's drafts, as the "Kept for you" panel shows them: those the server keeps in their private
// document (root `drafts`: what a rule of the moment did not take) and those this device saved before it
// dropped a refused copy of the board (lib/localDrafts.ts). Device drafts the board already shows are
// dropped once the board (and the private document) are synced from the server.
import { createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js'
import type * as Y from 'yjs'
import { discardDraft, draftsOf, readDrafts, type Draft } from '../../../../shared/drafts.js'
import { reconcile } from 'solid-js/store'
import { announce } from '../../lib/announce.js'
import { createYStore } from '../../lib/yStore.js'
import { discardLocalDraft, dropShownDrafts, readLocalDrafts } from '../../lib/localDrafts.js'
import { load, save } from '../../lib/storage.js'
import { t } from '../../i18n/i18n.js'

export interface ShownDraft extends Draft {
  /** Where it is kept: the private document on the server, or this device only. */
  source: 'server' | 'device'
}

export interface DraftsDeps {
  boardId: string
  me: () => string
  boardDoc: Y.Doc
  /** True once the board has been received from the server. */
  boardSynced: () => boolean
  /** This person's private document, when they have one, and whether it is synced. */
  priv: () => { doc: Y.Doc; synced: () => boolean } | null
}

const draftKey = (d: ShownDraft) => `${d.source}:${d.id}:${d.savedAt}`
const seenKey = (boardId: string) => `drafts-seen:${boardId}`

export function createDrafts(o: DraftsDeps) {
  // The private document's drafts, bridged like every store (it changes with the person: a new one after a rejoin).
  const server = createMemo(() => {
    const p = o.priv()
    if (!p) return null
    const bridged = createYStore<{ all: Draft[] }>(p.doc, { all: readDrafts(p.doc) }, [
      { types: [draftsOf(p.doc)], refresh: (set) => set('all', reconcile(readDrafts(p.doc))) },
    ])
    onCleanup(bridged.dispose)
    return bridged.state
  })
  const serverDrafts = () => server()?.all ?? []

  const [localVersion, setLocalVersion] = createSignal(0)
  const bump = () => setLocalVersion((v) => v + 1)
  const localDrafts = () => {
    localVersion()
    return readLocalDrafts(o.boardId, o.me())
  }

  // Once what the server holds is here, the device's drafts it already shows are not drafts any more.
  createEffect(() => {
    if (!o.boardSynced()) return
    const p = o.priv()
    if (p && !p.synced()) return
    const me = o.me()
    untrack(() => {
      // Read again whenever there are any: syncing may also have added some (lib/localDrafts.ts, keepUpgradedNotes).
      if (readLocalDrafts(o.boardId, me).length === 0) return
      dropShownDrafts(o.boardId, me, p ? [o.boardDoc, p.doc] : [o.boardDoc])
      bump()
    })
  })

  const all = createMemo<ShownDraft[]>(() => {
    const server = serverDrafts()
    const same = (a: string, b: string) => a.trim() === b.trim()
    const device = localDrafts().filter((l) => !server.some((s) => s.id === l.id || same(s.text, l.text)))
    return [
      ...server.map((d) => ({ ...d, source: 'server' as const })),
      ...device.map((d) => ({ ...d, source: 'device' as const })),
    ].sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1))
  })

  // Drafts not yet seen: a notice stays on screen until the person opens the panel or dismisses it.
  const readSeen = () => new Set<string>((load(seenKey(o.boardId)) ?? '').split('\n').filter(Boolean))
  const [seen, setSeen] = createSignal(readSeen())
  const unseen = createMemo(() => all().filter((d) => !seen().has(draftKey(d))))
  function markSeen() {
    const keys = new Set(all().map(draftKey)) // forget drafts that are gone
    setSeen(keys)
    save(seenKey(o.boardId), [...keys].join('\n'))
  }
  let said = 0
  createEffect(() => {
    const n = unseen().length
    if (n > said) announce(t('drafts.new', { count: n }))
    said = n
  })

  /** Throws a draft away (after posting it again, or when the person discards it), with the device's copy
   *  of the same note, which would show again otherwise. */
  function discard(d: ShownDraft) {
    if (d.source === 'server') {
      const p = o.priv()
      if (p) discardDraft(p.doc, d.id)
    }
    const me = o.me()
    for (const l of readLocalDrafts(o.boardId, me)) {
      if (l.id === d.id || l.text.trim() === d.text.trim()) discardLocalDraft(o.boardId, me, l.id)
    }
    bump()
  }

  return { all, unseen, markSeen, discard }
}

export type Drafts = ReturnType<typeof createDrafts>
