// The discuss phase's decisions and next steps as Solid state, bridged one way from the board's `outcomes`
// root (shared/outcomes.ts). Every write goes through the shared mutators, and only when the rule table
// (shared/rules.ts) takes it from this person now: anyone else's would close their socket (4403).
import { nanoid } from 'nanoid'
import { reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import {
  addOutcome, deleteOutcome, editOutcome, readOutcomes, type Outcome, type OutcomeFields,
} from '../../../../shared/outcomes.js'
import { fieldRefusal, recordRefusal, type Refusal, type Writer } from '../../../../shared/rules.js'
import { createYStore } from '../../lib/yStore.js'

export type OutcomeStore = ReturnType<typeof createOutcomeStore>

export function createOutcomeStore(doc: Y.Doc, writer: () => Writer, newId: () => string = nanoid) {
  const root = doc.getMap('outcomes')
  const { state, dispose } = createYStore<{ list: Outcome[] }>(doc, { list: readOutcomes(doc) }, [
    { types: [root], refresh: (s) => s('list', reconcile(readOutcomes(doc), { key: 'id' })) },
  ])

  const of = (itemId: string) => state.list.filter((o) => o.itemId === itemId)
  const byId = (id: string) => state.list.find((o) => o.id === id)

  /** Why this person may not add one now, or null. */
  const addRefusal = (): Refusal | null => recordRefusal(writer(), 'outcomes', 'create')
  /** Why this person may not change or delete this one now, or null. */
  const editRefusal = (o: Outcome): Refusal | null => fieldRefusal(writer(), 'outcomes', o.authorId, 'text')
  const deleteRefusal = (o: Outcome): Refusal | null => recordRefusal(writer(), 'outcomes', 'delete', o.authorId)

  return {
    state,
    of,
    addRefusal,
    editRefusal,
    deleteRefusal,
    /** Adds one in this person's name; the new id, or null when it may not be added now. */
    add(itemId: string, fields: OutcomeFields): string | null {
      if (addRefusal() || !fields.text.trim()) return null
      const id = newId()
      addOutcome(doc, { id, itemId, ...fields, authorId: writer().personId })
      return id
    },
    edit(id: string, patch: Partial<OutcomeFields>): boolean {
      const o = byId(id)
      if (!o || editRefusal(o)) return false
      editOutcome(doc, id, patch)
      return true
    },
    remove(id: string): boolean {
      const o = byId(id)
      if (!o || deleteRefusal(o)) return false
      deleteOutcome(doc, id)
      return true
    },
    dispose,
  }
}
