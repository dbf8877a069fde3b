// Each document's policy: which rule table judges its client updates (shared/rules.ts, applied by
// server/judge.ts before an update touches the document), who the writer is, and where the work goes that
// a rule of the moment did not take. A room gets its policy when it is created; none allows everything.
import type * as Y from 'yjs'
import type { Draft } from '../shared/drafts.js'
import { BOARD_RULES, PRIVATE_RULES, type RecordRules, type Writer } from '../shared/rules.js'
import { readSession } from '../shared/sessionDoc.js'
import { DEFAULT_SESSION, type Session } from '../shared/workshop.js'
import type { Connection } from './connection.js'
import type { Room } from './room.js'

export interface RoomPolicy {
  rules: RecordRules
  /** Who writes through `conn`, with the rules of the moment (an observer where it may write nothing, so
   *  that an empty sync message passes and any real write is refused). */
  writer(conn: Connection, doc: Y.Doc): Writer
  /** Keeps for their author the notes that a rule of the moment took off the board; durable on return. */
  keep(personId: string, drafts: Draft[]): Promise<void>
  /** After changes were stored and relayed. */
  afterChange?(room: Room): void
}

/** Refuses every write: what a room gets when nobody said what its rules are. */
export const DENY_ALL: RoomPolicy = {
  rules: {},
  writer: (conn) => ({ personId: conn.identity.id, role: 'observer', session: DEFAULT_SESSION }),
  keep: () => Promise.reject(new Error('no policy')),
}

/** The session as the rules read it, per doc, read again only after the server changed it. */
const sessions = new WeakMap<Y.Doc, Session | null>()
function sessionOf(doc: Y.Doc): Session {
  let s = sessions.get(doc)
  if (s === undefined) doc.getMap('session').observe(() => sessions.set(doc, null)) // once per doc
  if (!s) sessions.set(doc, (s = readSession(doc)))
  return s
}

const writerOf = (conn: Connection, doc: Y.Doc): Writer => ({ personId: conn.identity.id, role: conn.identity.role, session: sessionOf(doc) })

export function boardPolicy(keep: RoomPolicy['keep']): RoomPolicy {
  return { rules: BOARD_RULES, writer: writerOf, keep }
}

/** A person's private notes: only theirs to write, at any time (they are private). A note that arrives
 *  after the reveal is moved by the workshop in `afterChange`: onto the board, or into their drafts. */
export function privatePolicy(ownerId: string, afterChange: (room: Room) => void): RoomPolicy {
  return {
    rules: PRIVATE_RULES,
    writer: (conn) => ({
      personId: conn.identity.id,
      role: conn.identity.id === ownerId ? conn.identity.role : 'observer',
      session: DEFAULT_SESSION,
    }),
    keep: () => Promise.resolve(), // private notes are never refused for the moment
    afterChange,
  }
}
