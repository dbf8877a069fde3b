// The board as Solid state, bridged one way from the Y.Doc: the doc is the source of truth, observers
// copy what a change touched into the store, and every write goes through the shared/schema mutators.
// Notes are refreshed one by one (not by re-reading the board) so that typing in one note of a
// thousand costs one note's worth of work.
import { batch } from 'solid-js'
import { createStore, produce, reconcile, unwrap } from 'solid-js/store'
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import * as schema from '../../../../shared/schema.js'
import type { Note, NoteKind, Stage } from '../../../../shared/schema.js'

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

export type BoardStore = ReturnType<typeof createBoardStore>

function notesByStage(notes: Iterable<Note>): Record<string, string[]> {
  const groups: Record<string, Note[]> = {}
  for (const n of notes) (groups[n.stageId] ??= []).push(n)
  const out: Record<string, string[]> = {}
  for (const [stageId, list] of Object.entries(groups)) out[stageId] = list.sort(schema.byOrder).map((n) => n.id)
  return out
}

function snapshot(doc: Y.Doc): BoardView {
  const b = schema.readBoard(doc)
  return {
    title: b.title,
    stages: b.stages,
    notes: Object.fromEntries(b.notes.map((n) => [n.id, n])),
    stageNotes: notesByStage(b.notes),
  }
}

/** `author` is this person's id as the server knows it; a function, since it is known only after joining. */
export function createBoardStore(doc: Y.Doc, author: string | (() => string), newId: () => string = nanoid) {
  const authorId = typeof author === 'string' ? () => author : author
  const [state, setState] = createStore<BoardView>(snapshot(doc))
  const { meta, stages, notes } = schema.roots(doc)

  const idsIn = (stageId: string) =>
    notesByStage(Object.values(unwrap(state.notes)).filter((n) => n.stageId === stageId))[stageId] ?? []

  function refreshNotes(ids: Iterable<string>) {
    const raw = unwrap(state.notes)
    const dirtyStages = new Set<string>()
    batch(() => {
      for (const id of ids) {
        const prev = raw[id]
        const next = schema.readNoteById(doc, id)
        // Text and kind edits leave the stage lists alone; only arrivals, departures and moves touch them.
        if (!prev || !next || prev.stageId !== next.stageId || prev.order !== next.order) {
          if (prev) dirtyStages.add(prev.stageId)
          if (next) dirtyStages.add(next.stageId)
        }
        if (!next) setState('notes', produce((all) => void delete all[id]))
        else if (!prev) setState('notes', id, next)
        else setState('notes', id, reconcile(next))
      }
      for (const s of dirtyStages) setState('stageNotes', s, reconcile(idsIn(s)))
    })
  }

  const onNotes = (events: Y.YEvent<any>[]) => {
    const touched = new Set<string>()
    for (const e of events) {
      if (e.target === notes) for (const k of (e as Y.YMapEvent<unknown>).keysChanged) touched.add(k)
      else if (typeof e.path[0] === 'string') touched.add(e.path[0])
    }
    refreshNotes(touched)
  }
  const onStages = () => setState('stages', reconcile(schema.readBoard(doc).stages, { key: 'id' }))
  const onMeta = () => setState('title', String(meta.get('title') ?? ''))

  notes.observeDeep(onNotes)
  stages.observeDeep(onStages)
  meta.observe(onMeta)

  const place = (id: string): NotePlace | undefined => {
    const note = state.notes[id]
    if (!note) return
    const stageIndex = state.stages.findIndex((s) => s.id === note.stageId)
    const ids = state.stageNotes[note.stageId] ?? []
    if (stageIndex < 0) return
    return { stage: state.stages[stageIndex]!, stageIndex, index: ids.indexOf(id), count: ids.length }
  }

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
      if (!from) return
      const stage = state.stages[from.stageIndex + dStage]
      if (!stage) return
      if (dStage === 0) {
        const index = from.index + dIndex
        if (index < 0 || index >= from.count) return
        schema.moveNote(doc, id, stage.id, index)
      } else {
        const count = (state.stageNotes[stage.id] ?? []).length
        schema.moveNote(doc, id, stage.id, Math.min(from.index, count))
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

  const isMine = (id: string) => state.notes[id]?.authorId === authorId()

  /** Calls back with the text after each remote edit of a note, and the change as a Yjs delta. */
  function watchRemoteText(id: string, onRemote: (text: string, delta: Y.YTextEvent['delta']) => void) {
    const text = schema.noteText(doc, id)
    if (!text) return () => {}
    const handler = (e: Y.YTextEvent, tr: Y.Transaction) => {
      if (!tr.local) onRemote(text.toString(), e.delta)
    }
    text.observe(handler)
    return () => text.unobserve(handler)
  }

  function dispose() {
    notes.unobserveDeep(onNotes)
    stages.unobserveDeep(onStages)
    meta.unobserve(onMeta)
  }

  return { state, actions, place, isMine, watchRemoteText, dispose }
}
