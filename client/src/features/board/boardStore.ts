// The board as Solid state, bridged one way from the Y.Doc (lib/yStore): every write goes through the
// shared/schema mutators. Notes are refreshed one by one (not by re-reading the board) so that typing in
// one note of a thousand costs one note's worth of work.
import { produce, reconcile, unwrap } from 'solid-js/store'
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import * as schema from '../../../../shared/schema.js'
import type { Note, NoteKind, Stage } from '../../../../shared/schema.js'
import { changedKeys, createYStore } from '../../lib/yStore.js'

export interface BoardView {
  title: string
  stages: Stage[]
  notes: Record<string, Note>
  /** Ids of each stage's notes, in order. */
  stageNotes: Record<string, string[]>
}

export interface NotePlace {
  stage: Stage
  stageIndex: number
  /** 0-based position among the stage's notes. */
  index: number
  count: number
}

export interface BoardStoreOptions {
  newId?: () => string
  /** Another store whose title and stages this one shows: a person's private document holds only notes,
   *  placed among the board's stages. */
  stagesOf?: BoardStore
}

export type BoardStore = ReturnType<typeof createBoardStore>

function notesByStage(notes: Iterable<Note>): Record<string, string[]> {
  const groups: Record<string, Note[]> = {}
  for (const n of notes) (groups[n.stageId] ??= []).push(n)
  const out: Record<string, string[]> = {}
  for (const [stageId, list] of Object.entries(groups)) out[stageId] = list.sort(schema.byOrder).map((n) => n.id)
  return out
}

/** `author` is this person's id as the server knows it; a function, since it is known only after joining. */
export function createBoardStore(doc: Y.Doc, author: string | (() => string), opts: BoardStoreOptions = {}) {
  const authorId = typeof author === 'string' ? () => author : author
  const newId = opts.newId ?? nanoid
  const { meta, stages, notes } = schema.roots(doc)
  const b = schema.readBoard(doc)

  const idsIn = (all: Record<string, Note>, stageId: string) =>
    notesByStage(Object.values(all).filter((n) => n.stageId === stageId))[stageId] ?? []

  const store = createYStore<BoardView>(
    doc,
    {
      title: b.title,
      stages: b.stages,
      notes: Object.fromEntries(b.notes.map((n) => [n.id, n])),
      stageNotes: notesByStage(b.notes),
    },
    [
      {
        types: [notes],
        later: true,
        refresh(set, tr) {
          const raw = unwrap(store.state.notes)
          const dirtyStages = new Set<string>()
          // New notes go in at once: a board of a thousand arriving is one write to the store, not a thousand.
          const added: Record<string, Note> = {}
          for (const id of changedKeys(tr, notes)) {
            const prev = raw[id]
            const next = schema.readNoteById(doc, id)
            // Text and kind edits leave the stage lists alone; only arrivals, departures and moves touch them.
            if (!prev || !next || prev.stageId !== next.stageId || prev.order !== next.order) {
              if (prev) dirtyStages.add(prev.stageId)
              if (next) dirtyStages.add(next.stageId)
            }
            if (!next) set('notes', produce((all) => void delete all[id]))
            else if (!prev) added[id] = next
            else set('notes', id, reconcile(next))
          }
          set('notes', added)
          for (const s of dirtyStages) set('stageNotes', s, reconcile(idsIn(raw, s)))
        },
      },
      { types: [stages], refresh: (set) => set('stages', reconcile(schema.readStages(doc), { key: 'id' })) },
      { types: [meta], refresh: (set) => set('title', String(meta.get('title') ?? '')) },
    ],
  )
  const own = store.state
  // A private document's store shows the board's title and stages.
  const state: BoardView = opts.stagesOf
    ? {
        get title() { return opts.stagesOf!.state.title },
        get stages() { return opts.stagesOf!.state.stages },
        get notes() { return own.notes },
        get stageNotes() { return own.stageNotes },
      }
    : own

  const place = (id: string): NotePlace | undefined => {
    const note = state.notes[id]
    if (!note) return
    const stageIndex = state.stages.findIndex((s) => s.id === note.stageId)
    const ids = state.stageNotes[note.stageId] ?? []
    if (stageIndex < 0) return
    return { stage: state.stages[stageIndex]!, stageIndex, index: ids.indexOf(id), count: ids.length }
  }

  const isMine = (id: string) => state.notes[id]?.authorId === authorId()

  const actions = {
    /** Adds a note and returns its id; the store has it before this returns (same frame for the author). */
    addNote(stageId: string, kind: NoteKind, text = '', index?: number): string {
      const id = newId()
      schema.addNote(doc, { id, stageId, kind, text, authorId: authorId(), index })
      return id
    },
    setNoteText: (id: string, text: string) => schema.setNoteText(doc, id, text),
    setNoteKind: (id: string, kind: NoteKind) => schema.setNoteKind(doc, id, kind),
    moveNote: (id: string, stageId: string, index: number) => schema.moveNote(doc, id, stageId, index),
    /**
     * Moves a note by a step: dStage to a neighbouring stage (keeping its row where it can),
     * dIndex within its stage. Returns the new place, or undefined when it is already at the edge.
     */
    nudgeNote(id: string, dStage: number, dIndex: number): NotePlace | undefined {
      const from = place(id)
      const stage = from && state.stages[from.stageIndex + dStage]
      if (!from || !stage) return
      if (dStage === 0) {
        const index = from.index + dIndex
        if (index < 0 || index >= from.count) return
        schema.moveNote(doc, id, stage.id, index)
      } else {
        schema.moveNote(doc, id, stage.id, Math.min(from.index, (state.stageNotes[stage.id] ?? []).length))
      }
      return place(id)
    },
    /** Deletes the note if this browser wrote it. */
    deleteNote(id: string): boolean {
      if (!isMine(id)) return false
      schema.deleteNote(doc, id)
      return true
    },
    addStage(name: string, index?: number): string {
      const id = newId()
      schema.addStage(doc, id, name, index)
      return id
    },
    renameStage: (id: string, name: string) => schema.renameStage(doc, id, name),
    moveStage: (id: string, index: number) => schema.moveStage(doc, id, index),
    removeStage: (id: string) => schema.removeStage(doc, id),
    setTitle: (title: string) => schema.setTitle(doc, title),
  }

  /** Calls back with the text after each edit of a note that is not this browser's typing (another person's,
   *  or an undo or a redo: the UndoManager's origin), and the change as a Yjs delta. */
  function watchRemoteText(id: string, onRemote: (text: string, delta: Y.YTextEvent['delta']) => void) {
    const text = schema.noteText(doc, id)
    if (!text) return () => {}
    const handler = (e: Y.YTextEvent, tr: Y.Transaction) => {
      if (!tr.local || tr.origin !== null) onRemote(text.toString(), e.delta)
    }
    text.observe(handler)
    return () => text.unobserve(handler)
  }

  return { state, actions, place, isMine, watchRemoteText, dispose: store.dispose }
}
