// Documents stored in an earlier version of the schema (shared/schema.ts) are upgraded when a room loads
// them, once: a change of the server's, stored like any other, so the next load finds nothing to do. Every
// note record of version 1 is replaced by its version-2 record under the same key, with the same values and
// its text copied; a board's meta then says version 2. A private document (notes, ballot, drafts) has no
// meta: its records alone say what it holds.
//
// A device may still hold version-1 records (its offline copy) and edit them: those edits land in records
// the upgrade replaced and change nothing (server/judge.ts lets them through), and the client keeps the
// text it wrote there as drafts (client/src/lib/localDrafts.ts).
import type * as Y from 'yjs'
import { SCHEMA_VERSION, isVersion1Note, noteRecord, readNote, roots } from '../shared/schema.js'

const storedVersion = (doc: Y.Doc) => roots(doc).meta.get('schemaVersion')

export function needsUpgrade(doc: Y.Doc): boolean {
  const version = storedVersion(doc)
  if (typeof version === 'number' && version < SCHEMA_VERSION) return true
  for (const m of roots(doc).notes.values()) if (isVersion1Note(m)) return true
  return false
}

/** Rewrites `doc` in this version of the schema; run inside a change of the server's. */
export function upgradeSchema(doc: Y.Doc) {
  const { meta, notes } = roots(doc)
  for (const [id, m] of [...notes]) if (isVersion1Note(m)) notes.set(id, noteRecord(readNote(m, id)))
  const version = storedVersion(doc)
  if (typeof version === 'number' && version < SCHEMA_VERSION) meta.set('schemaVersion', SCHEMA_VERSION)
}
