// The voting rounds as the workshop store reads them from the board: every round's results (only once a
// round was kept, so a workshop that votes once reads nothing here), and the kind of each item while the
// current round has budgets per kind.
import type * as Y from 'yjs'
import { readBoard, readNoteKind, readNotePlace, roots, type NoteKind } from '../../../../shared/schema.js'
import { readRounds, readSession, readTally } from '../../../../shared/sessionDoc.js'
import { itemKinds, roundResults, type RoundResults } from '../../../../shared/votingRounds.js'

export function readRoundResults(doc: Y.Doc): RoundResults[] {
  if (!doc.getMap('rounds').size) return []
  return roundResults(readBoard(doc), readRounds(doc), readSession(doc), readTally(doc))
}

/** Item id -> kind, read from the notes' kinds and clusters alone (not their texts, which change as people type). */
export function readItemKinds(doc: Y.Doc): Record<string, NoteKind> {
  if (!readSession(doc).round.kindBudgets) return {}
  const notes = [...roots(doc).notes].map(([id, m]) => ({ id, kind: readNoteKind(m), clusterId: readNotePlace(m).clusterId || null }))
  return Object.fromEntries(itemKinds(notes))
}

/** How many rounds were kept before the current one (the results may also hold the current one, once revealed). */
export const keptBefore = (rounds: readonly RoundResults[], currentId: number) => rounds.filter((r) => r.id !== currentId).length
