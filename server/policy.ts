// What each role may write into a board and into a private document, checked on every client
// transaction after it is applied and before it is kept (server/room.ts discards a refused one).
import * as Y from 'yjs'
import { CLIENT_ROOTS, FACILITATOR_ROOTS } from '../shared/schema.js'
import { PRIVATE_CLIENT_ROOTS, readSession } from '../shared/sessionDoc.js'
import { participantsMayWrite, type Session } from '../shared/workshop.js'
import type { Connection } from './connection.js'
import type { Room, RoomPolicy } from './room.js'

/** Root name -> top-level keys (e.g. note ids) that the transaction changed. */
export function touchedRoots(tr: Y.Transaction): Map<string, Set<string>> {
  const names = new Map<Y.AbstractType<any>, string>()
  for (const [name, type] of tr.doc.share) names.set(type, name)
  const out = new Map<string, Set<string>>()
  for (const [type, keys] of tr.changed) {
    let t: Y.AbstractType<any> = type
    let topKeys: Iterable<string | null> = keys
    while (t._item) {
      topKeys = [t._item.parentSub]
      t = t._item.parent as Y.AbstractType<any>
    }
    const name = names.get(t) ?? '?'
    const set = out.get(name) ?? new Set<string>()
    for (const k of topKeys) if (k !== null) set.add(k)
    out.set(name, set)
  }
  return out
}

/** Checks the notes a transaction touched: new ones must be the writer's; only its author (or the
 *  facilitator) deletes one. */
function noteRefusal(tr: Y.Transaction, noteIds: Set<string>, conn: Connection): string | null {
  const notes = tr.doc.getMap('notes')
  for (const id of noteIds) {
    const item = notes._map.get(id)
    if (!item) continue
    const note = (item.content as Y.ContentType).type as Y.Map<unknown>
    // A deleted map answers undefined to get(); its entries are still readable until garbage collection.
    const author = item.deleted ? note._map.get('authorId')?.content.getContent()[0] : note.get('authorId')
    const isNew = item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)
    if (item.deleted) {
      if (!isNew && author !== conn.identity.id && conn.identity.role !== 'facilitator') {
        return 'only its author or the facilitator may delete a note'
      }
    } else if (isNew && author !== conn.identity.id) {
      return 'a new note must be written in your own name'
    }
  }
  return null
}

export function boardPolicy(): RoomPolicy {
  return {
    refusal(conn, tr) {
      const touched = touchedRoots(tr)
      const role = conn.identity.role
      let session: Session | undefined
      for (const [root, keys] of touched) {
        if (!(CLIENT_ROOTS as readonly string[]).includes(root)) return `"${root}" is written by the server only`
        if (role === 'participant') {
          session ??= readSession(tr.doc)
          if ((FACILITATOR_ROOTS as readonly string[]).includes(root)) return `only the facilitator changes "${root}"`
          if (root === 'ratings') {
            if ([...keys].some((k) => !k.startsWith(`${conn.identity.id}:`))) return 'you may only rate for yourself'
            if (session.phase !== 'map' || session.locked) return 'emotions are rated in the map phase'
            continue
          }
          if (!participantsMayWrite(session)) {
            return session.locked ? 'the board is locked' : `notes cannot change in the ${session.phase} phase`
          }
        }
        if (root === 'notes') {
          const r = noteRefusal(tr, keys, conn)
          if (r) return r
        }
      }
      return null
    },
  }
}

/** A person's private notes: only theirs to write. A write that arrives after the reveal is not refused
 *  (that would lose what they typed); the workshop moves it onto the board in `afterChange`. */
export function privatePolicy(ownerId: string, afterChange: (room: Room) => void): RoomPolicy {
  return {
    refusal(conn, tr) {
      if (conn.identity.id !== ownerId) return 'not your private notes'
      for (const [root, keys] of touchedRoots(tr)) {
        if (!(PRIVATE_CLIENT_ROOTS as readonly string[]).includes(root)) return `"${root}" is written by the server only`
        const r = noteRefusal(tr, keys, conn)
        if (r) return r
      }
      return null
    },
    afterChange,
  }
}
