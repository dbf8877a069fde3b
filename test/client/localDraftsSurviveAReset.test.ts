// Before the client drops a copy of the board the server refused (closed with `forbidden`), it saves this
// person's notes as drafts on the device; once the board is back from the server, the drafts it already
// shows with the same text are dropped, and the rest are shown with the server's drafts ("Kept for you").
import { createRoot, createSignal } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeDraft } from '../../shared/drafts.js'
import { addNote, initBoard, readBoard, setNoteText } from '../../shared/schema.js'
import {
  discardLocalDraft, dropShownDrafts, localDraftsKey, readLocalDrafts, saveLocalDrafts, type DraftStorage,
} from '../../client/src/lib/localDrafts.js'
import { createDrafts } from '../../client/src/features/workshop/drafts.js'

function fakeStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  }
}

let n = 0
const newId = () => `s${++n}`

/** A board as this device holds it: Leila's notes (one written offline, one edited offline) and Omid's. */
function deviceCopy() {
  const doc = new Y.Doc()
  initBoard(doc, 'رحلة عميل منصة العمل الحر', ['الوعي', 'القرار'], newId, 1)
  const [s1, s2] = readBoard(doc).stages.map((s) => s.id)
  addNote(doc, { id: 'kept', stageId: s1!, kind: 'action', text: 'يبحث في جوجل عن منصة عمل حر', authorId: 'leila' }, 10)
  addNote(doc, { id: 'edited', stageId: s1!, kind: 'pain', text: 'Support took two days', authorId: 'leila' }, 11)
  addNote(doc, { id: 'offline', stageId: s2!, kind: 'idea', text: 'اپلیکیشن موبایل برای پیگیری سفارش', authorId: 'leila' }, 12)
  addNote(doc, { id: 'empty', stageId: s2!, kind: 'idea', text: '   ', authorId: 'leila' }, 13)
  addNote(doc, { id: 'omid', stageId: s2!, kind: 'question', text: 'Which plan fits a team of five?', authorId: 'omid' }, 14)
  return { doc, s1: s1!, s2: s2! }
}

/** The board as the server kept it: Leila's first note, her second one with its older text, Omid's. */
function serverCopy(device: Y.Doc) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(device))
  roots(doc).notes.delete('offline')
  roots(doc).notes.delete('empty')
  setNoteText(doc, 'edited', 'Support took')
  return doc
}
const roots = (doc: Y.Doc) => ({ notes: doc.getMap<Y.Map<unknown>>('notes') })

describe('drafts kept on the device across a reset', () => {
  it('saves only this person’s notes with text, on the board; every note of the private document', () => {
    const storage = fakeStorage()
    const { doc } = deviceCopy()
    expect(saveLocalDrafts('b1', 'leila', doc, { storage, now: 100 })).toBe(3)
    const saved = readLocalDrafts('b1', 'leila', storage)
    expect(saved.map((d) => d.id).sort()).toEqual(['edited', 'kept', 'offline'])
    expect(saved.find((d) => d.id === 'offline')).toMatchObject({ kind: 'idea', text: 'اپلیکیشن موبایل برای پیگیری سفارش', code: 'reset', savedAt: 100 })
    expect(storage.data.has(localDraftsKey('b1', 'leila'))).toBe(true)
    expect(readLocalDrafts('b1', 'omid', storage)).toEqual([])

    // The private document is all this person's, whatever its notes say.
    const priv = new Y.Doc()
    addNote(priv, { id: 'p1', stageId: 'x', kind: 'feeling', text: 'Relieved', authorId: 'someone-else' })
    expect(saveLocalDrafts('b1', 'leila', priv, { storage, all: true })).toBe(1)
    expect(readLocalDrafts('b1', 'leila', storage)).toHaveLength(4)

    // Saved again (a second refusal before the reload): the newer text replaces the older, no duplicates.
    setNoteText(doc, 'offline', 'اپلیکیشن موبایل')
    saveLocalDrafts('b1', 'leila', doc, { storage, now: 200 })
    const again = readLocalDrafts('b1', 'leila', storage)
    expect(again).toHaveLength(4)
    expect(again.find((d) => d.id === 'offline')!.text).toBe('اپلیکیشن موبایل')
  })

  it('drops, once synced, the drafts the board already shows with the same text and keeps the rest', () => {
    const storage = fakeStorage()
    const { doc, s1 } = deviceCopy()
    saveLocalDrafts('b1', 'leila', doc, { storage })
    const fromServer = serverCopy(doc)
    const rest = dropShownDrafts('b1', 'leila', [fromServer], storage)
    // "kept" is on the board as it was; "edited" is there with older text, "offline" not at all.
    expect(rest.map((d) => d.id).sort()).toEqual(['edited', 'offline'])
    expect(readLocalDrafts('b1', 'leila', storage).map((d) => d.id).sort()).toEqual(['edited', 'offline'])

    // Posted again under a new id (same text, by this person): shown, so no longer a draft.
    addNote(fromServer, { id: 'new-id', stageId: s1, kind: 'idea', text: 'اپلیکیشن موبایل برای پیگیری سفارش ', authorId: 'leila' })
    // Someone else writing the same words does not count as showing this person's note.
    addNote(fromServer, { id: 'other', stageId: s1, kind: 'pain', text: 'Support took two days', authorId: 'omid' })
    expect(dropShownDrafts('b1', 'leila', [fromServer], storage).map((d) => d.id)).toEqual(['edited'])

    discardLocalDraft('b1', 'leila', 'edited', storage)
    expect(readLocalDrafts('b1', 'leila', storage)).toEqual([])
    expect(storage.data.has(localDraftsKey('b1', 'leila'))).toBe(false)
  })

  it('never throws when the device keeps nothing (private mode, full quota, garbage)', () => {
    const broken: DraftStorage = {
      getItem: () => { throw new Error('denied') },
      setItem: () => { throw new Error('quota') },
      removeItem: () => { throw new Error('denied') },
    }
    const { doc } = deviceCopy()
    expect(() => saveLocalDrafts('b1', 'leila', doc, { storage: broken })).not.toThrow()
    expect(readLocalDrafts('b1', 'leila', broken)).toEqual([])
    const garbage = fakeStorage()
    garbage.setItem(localDraftsKey('b1', 'leila'), '{not json')
    expect(readLocalDrafts('b1', 'leila', garbage)).toEqual([])
    garbage.setItem(localDraftsKey('b1', 'leila'), JSON.stringify([{ id: 1 }, { id: 'a', stageId: 's', text: 'ok', kind: 'nope' }]))
    expect(readLocalDrafts('b1', 'leila', garbage)).toMatchObject([{ id: 'a', kind: 'idea', code: 'reset' }])
  })

  describe('shown with the server’s drafts', () => {
    const g = globalThis as { localStorage?: unknown }
    afterEach(() => delete g.localStorage)

    it('merges both, drops shown device drafts only after the sync, and discards both copies at once', () => {
      const storage = fakeStorage()
      g.localStorage = storage
      const { doc, s2 } = deviceCopy()
      saveLocalDrafts('b1', 'leila', doc)
      const fresh = new Y.Doc() // the reloaded board, empty until the server answers
      const priv = new Y.Doc()
      writeDraft(priv, { id: 'late', stageId: s2, kind: 'feeling', text: 'Relieved when it arrives', code: 'phase', savedAt: 5 })
      // Effects run once the root is made, as in the app.
      const { drafts, setBoardSynced, setPrivSynced, dispose } = createRoot((dispose) => {
        const [boardSynced, setBoardSynced] = createSignal(false)
        const [privSynced, setPrivSynced] = createSignal(false)
        const drafts = createDrafts({
          boardId: 'b1', me: () => 'leila', boardDoc: fresh, boardSynced, priv: () => ({ doc: priv, synced: privSynced }),
        })
        return { drafts, setBoardSynced, setPrivSynced, dispose }
      })
      {
        const ids = () => drafts.all().map((d) => `${d.source}:${d.id}`)
        expect(ids()).toEqual(['server:late', 'device:edited', 'device:kept', 'device:offline'])

        // Nothing is dropped against a board that is not synced yet (it is empty).
        Y.applyUpdate(fresh, Y.encodeStateAsUpdate(serverCopy(doc)))
        expect(drafts.all()).toHaveLength(4)
        setBoardSynced(true)
        expect(drafts.all()).toHaveLength(4) // the private document is not synced yet
        setPrivSynced(true)
        expect(ids()).toEqual(['server:late', 'device:edited', 'device:offline'])
        expect(drafts.unseen()).toHaveLength(3)
        drafts.markSeen()
        expect(drafts.unseen()).toHaveLength(0)

        // The server kept the same note too: shown once, and discarding it leaves no copy behind.
        writeDraft(priv, { id: 'offline', stageId: s2, kind: 'idea', text: 'اپلیکیشن موبایل برای پیگیری سفارش', code: 'locked', savedAt: 6 })
        expect(ids()).toEqual(['server:late', 'server:offline', 'device:edited'])
        expect(drafts.unseen().map((d) => d.id)).toEqual(['offline'])
        drafts.discard(drafts.all().find((d) => d.id === 'offline')!)
        expect(ids()).toEqual(['server:late', 'device:edited'])
        expect(readLocalDrafts('b1', 'leila').map((d) => d.id)).toEqual(['edited'])
      }
      dispose()
    })
  })
})
