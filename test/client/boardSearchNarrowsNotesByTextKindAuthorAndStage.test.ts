// The board's search (client/src/features/board/search.ts): text matched as Arabic and Persian readers
// expect, kind, author and stage narrow the notes together; a cluster found by its name shows its notes;
// the note being edited stays; each text is folded once; a 1,000-note board filters within a frame.
import { createRoot } from 'solid-js'
import { createStore } from 'solid-js/store'
import { describe, expect, it } from 'vitest'
import type { Note, NoteKind } from '../../shared/schema.js'
import {
  MARK_AFTER_MS, NO_FILTER, createBoardSearch, createFoldCache, filterNotes, isSearchShortcut, type FoldCache, type NoteFilter,
} from '../../client/src/features/board/search.js'

let n = 0
const note = (text: string, kind: NoteKind = 'pain', authorId = 'sara', stageId = 'decision', clusterId: string | null = null): Note => ({
  id: `n${++n}`, text, kind, authorId, stageId, clusterId, order: 'a0', createdAt: 0,
})

const board = [
  note('کتاب راهنمای مشتری گم است', 'pain', 'sara', 'awareness'), // Persian kaf and yeh
  note('كتاب دليل العميل غير واضح', 'question', 'omid', 'decision'), // Arabic kaf
  note('ثبت‌نام ۳ روز طول کشید', 'pain', 'omid', 'decision'), // Persian digits
  note('Checkout failed after 3 tries', 'feeling', 'lee', 'experience'),
  note('شكرًا للدعم الفني', 'feeling', 'sara', 'experience', 'c1'),
  note('Refund took a week', 'pain', 'lee', 'experience', 'c1'),
]
const clusters: Record<string, string> = { c1: 'المساعدة بعد الشراء' }

const kept = (filter: Partial<NoteFilter>) =>
  [...filterNotes(board, { ...NO_FILTER, ...filter }, createFoldCache(), (id) => clusters[id]).kept].map(
    (id) => board.find((x) => x.id === id)!.text,
  )

describe('the board search', () => {
  it('finds «کتاب» when «كتاب» is typed and the other way round, and a Persian digit from a Latin one', () => {
    expect(kept({ text: 'كتاب' })).toEqual(['کتاب راهنمای مشتری گم است', 'كتاب دليل العميل غير واضح'])
    expect(kept({ text: 'کتاب' })).toEqual(kept({ text: 'كتاب' }))
    expect(kept({ text: '3 روز' })).toEqual(['ثبت‌نام ۳ روز طول کشید'])
    expect(kept({ text: '۳' })).toEqual(['ثبت‌نام ۳ روز طول کشید', 'Checkout failed after 3 tries'])
    expect(kept({ text: 'ثبتنام' })).toEqual(['ثبت‌نام ۳ روز طول کشید']) // without the zero-width non-joiner
  })

  it('narrows by kind, author and stage, each alone and together with the text', () => {
    expect(kept({ kind: 'pain' })).toHaveLength(3)
    expect(kept({ author: 'omid' })).toEqual(['كتاب دليل العميل غير واضح', 'ثبت‌نام ۳ روز طول کشید'])
    expect(kept({ stage: 'experience' })).toHaveLength(3)
    expect(kept({ kind: 'pain', author: 'omid' })).toEqual(['ثبت‌نام ۳ روز طول کشید'])
    expect(kept({ text: 'کتاب', stage: 'decision' })).toEqual(['كتاب دليل العميل غير واضح'])
    expect(kept({ text: 'کتاب', kind: 'feeling' })).toEqual([])
  })

  it('shows the notes of a cluster whose name matches, still within the other filters', () => {
    expect(kept({ text: 'المساعده' })).toEqual(['شكرًا للدعم الفني', 'Refund took a week'])
    expect(kept({ text: 'المساعده', kind: 'pain' })).toEqual(['Refund took a week'])
    expect(kept({ text: 'الدعم' })).toEqual(['شكرًا للدعم الفني']) // ل + الدعم is written للدعم
  })

  it('counts what it keeps of what it searched, per stage too', () => {
    const r = filterNotes(board, { ...NO_FILTER, kind: 'pain' }, createFoldCache())
    expect([r.kept.size, r.total]).toEqual([3, 6])
    expect(Object.fromEntries(r.byStage)).toEqual({ awareness: 1, decision: 1, experience: 1 })
  })

  it('folds a text once, and again only when it changes', () => {
    const fold = createFoldCache()
    const first = fold('n1', 'كتاب')
    expect(fold('n1', 'كتاب')).toBe(first)
    expect(fold('n1', 'کتاب').folded).toBe(first.folded)
    expect(fold('n1', 'کتاب')).not.toBe(first)
  })

  it('follows the notes live, keeps the note being edited and one’s own new notes, marks the words once typing pauses, and clears', async () => {
    await createRoot(async (dispose) => {
      const [notes, setNotes] = createStore<Record<string, Note>>(Object.fromEntries(board.map((x) => [x.id, { ...x }])))
      let editing: string | null = null
      const search = createBoardSearch({ notes: () => Object.values(notes), clusterName: (id) => clusters[id], keep: () => editing, me: () => 'sara' })
      const [persian, arabic, digits] = board.map((x) => x.id) as [string, string, string]
      expect(search.active()).toBe(false)
      expect(search.shows(digits)).toBe(true)
      expect(search.count()).toBe(null)

      search.set({ text: 'كتاب' })
      expect(search.count()).toEqual({ shown: 2, total: 6 })
      expect(search.shows(persian) && search.shows(arabic) && !search.shows(digits)).toBe(true)
      expect(search.marks(persian, notes[persian]!.text)).toEqual([])
      await new Promise((r) => setTimeout(r, MARK_AFTER_MS + 50))
      expect(search.marks(persian, notes[persian]!.text)).toEqual([[0, 4]])
      expect(search.shownIn('decision')).toBe(1)

      // Someone edits a note so that it matches: it is shown at once; the editor's own note stays shown.
      setNotes(digits, 'text', 'کتاب ثبت‌نام')
      expect(search.shows(digits)).toBe(true)
      editing = arabic
      setNotes(arabic, 'text', 'دليل العميل')
      expect(search.count()).toEqual({ shown: 2, total: 6 })
      expect(search.shows(arabic)).toBe(true)

      // What this person writes while searching stays in sight; what others write is filtered as usual.
      const mine = { ...note('Live chat in the app', 'idea', 'sara'), createdAt: Date.now() }
      const theirs = { ...note('Live chat in the app', 'idea', 'lee'), createdAt: Date.now() }
      setNotes({ [mine.id]: mine, [theirs.id]: theirs })
      expect([search.shows(mine.id), search.shows(theirs.id)]).toEqual([true, false])
      expect(search.count()).toEqual({ shown: 3, total: 8 })

      search.clear()
      expect(search.active()).toBe(false)
      expect(search.marks(persian, notes[persian]!.text)).toEqual([])
      dispose()
    })
  })

  // How fast each keystroke filters 1,000 notes is a bench figure (`npm run bench -- similar`); here, that
  // it folds each note once and not at every keystroke, which is what keeps it fast.
  it('filters a 1,000-note board per keystroke from each note folded once', () => {
    const texts = ['لم يرد الدعم الفني لمدة يومين', 'سبد خرید را نیمه‌کاره رها می‌کند', 'Help center article on refunds', 'إعلان على إنستغرام']
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...note(`${texts[i % texts.length]} ${i}`, 'idea', `p${i % 40}`, `s${i % 5}`), id: `n${i}` }))
    const cache = createFoldCache()
    const folded = new Map<string, unknown>()
    let refolded = 0
    const fold: FoldCache = (key, text) => {
      const f = cache(key, text)
      if (folded.has(key) && folded.get(key) !== f) refolded++
      folded.set(key, f)
      return f
    }
    filterNotes(many, { ...NO_FILTER, text: 'x' }, fold)
    const query = 'الدعم الفني'
    let last = 0
    for (let i = 1; i <= query.length; i++) last = filterNotes(many, { ...NO_FILTER, text: query.slice(0, i) }, fold).kept.size
    expect(last).toBe(250)
    expect(folded.size).toBe(1000)
    expect(refolded).toBe(0)
    many[0]!.text = 'الدعم الفني تأخر' // an edited note is folded again
    expect(filterNotes(many, { ...NO_FILTER, text: query }, fold).kept.has('n0')).toBe(true)
    expect(refolded).toBe(1)
  })

  it('opens on "/" and Ctrl/Cmd+K, by key or by its place on the keyboard, and leaves Ctrl+F to the browser', () => {
    const key = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
      isSearchShortcut({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })
    expect(key('/', 'Slash')).toBe(true)
    expect(key('ظ', 'Slash')).toBe(true) // an Arabic layout
    expect(key('/', 'Digit7', { shiftKey: true })).toBe(true) // a German one
    expect(key('?', 'Slash', { shiftKey: true })).toBe(false)
    expect(key('k', 'KeyK', { ctrlKey: true })).toBe(true)
    expect(key('k', 'KeyK', { metaKey: true })).toBe(true)
    expect(key('ن', 'KeyK', { ctrlKey: true })).toBe(true)
    expect(key('f', 'KeyF', { ctrlKey: true })).toBe(false)
    expect(key('K', 'KeyK', { ctrlKey: true, shiftKey: true })).toBe(false)
    expect(key('k', 'KeyK')).toBe(false)
  })
})
