// Judges a client's update before it touches the document: decoded with Yjs's own decoder, checked
// for client ids that are not this person's and for anything it builds on that the document lacks,
// then resolved into the writes it would make (which record, which field, whose) and each write put
// to the rule table (shared/rules.ts) with this connection's person as the writer.
//
// Nothing is kept pending: Yjs would hold an update with missing dependencies and integrate it later
// inside someone else's transaction, so the policy would judge it as theirs. Such an update is refused.
//
// What lands inside a record that is no longer live changes nothing and is let through: so a device that
// still holds notes of schema version 1 (its offline copy, from before the server upgraded the board and
// replaced each record) reconnects with its edits to them, keeps its socket, and saves their text itself.
import * as Y from 'yjs'
import { authorIn, judgeWrite, malformedField, maxLength, type Refusal, type RecordRules, type Write, type Writer } from '../shared/rules.js'

/** The server root that says whose each client id is: clientId -> personId (or SERVER_OWNER). */
export const CLIENTS_ROOT = 'clients'
export const SERVER_OWNER = '#server'

export type Verdict =
  /** Keep it; first record `claims` (client ids it uses for the first time) as this person's. `exact`:
   *  everything in it is new to the document (no struct it already holds, no deletion of what is already
   *  deleted), so once applied, the update itself is exactly the change, to store and relay as it is. */
  | { kind: 'ok'; claims: number[]; exact: boolean }
  /** Honest work that a rule of the moment does not take: apply, keep the author's version, revert. */
  | { kind: 'notNow'; claims: number[]; refusal: Refusal; roots: Set<string>; notes: Set<string> }
  | { kind: 'forged'; reason: string }
  | { kind: 'missing'; reason: string }
  | { kind: 'malformed'; reason: string }

type Struct = Y.Item | Y.GC
/** Where a change lands: a root (depth 1), a record or value under a key of it (2), a field of the
 *  record (3), or deeper inside the field (4 and more, e.g. the characters of a Y.Text). A key is '#'
 *  inside a sequence. */
interface Place {
  depth: number
  root: string
  key: string
  field: string
  /** The item holding the record at [root, key], and whether this update creates it. */
  record: Y.Item | null
  fresh: boolean
}
interface Found {
  s: Struct
  isFresh: boolean
}

const MISSING: Verdict = { kind: 'missing', reason: 'builds on changes the server does not have' }

/** What one update may hold: far above any honest client's (a first sync of thousands of notes written
 *  offline is tens of thousands of structs from one or two client ids), and the board's records are never
 *  deeper than a field's contents (a note's text: root, note, field, characters). */
export const UPDATE_BOUNDS = { structs: 200_000, clients: 1_000, depth: 5 } as const

export function judgeUpdate(doc: Y.Doc, update: Uint8Array, who: Writer, rules: RecordRules): Verdict {
  try {
    const decoded = Y.decodeUpdate(update)
    if (decoded.structs.length > UPDATE_BOUNDS.structs) return { kind: 'malformed', reason: 'too many structs in one update' }
    if (decoded.ds.clients.size > UPDATE_BOUNDS.clients) return { kind: 'malformed', reason: 'too many client ids in one update' }
    return new Judgement(doc, rules).judge(decoded, who)
  } catch {
    // Undecodable, or nested past what the stack allows: never the board's shape.
    return { kind: 'malformed', reason: 'malformed update' }
  }
}

/** One update's judging: the lookups it shares between its steps. */
class Judgement {
  private readonly store: Y.Doc['store']
  /** client -> its new structs, in clock order */
  private readonly fresh = new Map<number, Struct[]>()
  /** client -> the clock after this update (new structs included) */
  private readonly ends = new Map<number, number>()
  private readonly typePlaces = new Map<Y.AbstractType<any>, Place | null>()
  private readonly freshPlaces = new Map<Struct, Place | null>()
  /** Whether the update holds only what the document lacks (see Verdict). */
  private exact = true
  /** Live items the update deletes. */
  private deletes = 0
  /** The texts (Y.Text fields) it edits: what it inserts and deletes in each, to check the length. */
  private readonly texts = new Map<string, { root: string; key: string; field: string; record: Y.Item | null; fresh: boolean; grow: number; shrink: number }>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly rules: RecordRules,
  ) {
    this.store = doc.store
  }

  judge(decoded: ReturnType<typeof Y.decodeUpdate>, who: Writer): Verdict {
    const claims = this.clocks(decoded.structs, who.personId)
    if (!Array.isArray(claims)) return claims
    const writes: Write[] = []
    const refusal = this.structWrites(writes) ?? this.deleteWrites(decoded.ds, writes) ?? this.tooLong()
    if (refusal) return refusal

    let moment: Refusal | null = null
    let roots: Set<string> | null = null
    let notes: Set<string> | null = null
    for (const w of writes) {
      const r = judgeWrite(this.rules, who, w)
      if (!r) continue
      if (r.kind === 'forged') return { kind: 'forged', reason: r.reason }
      moment ??= r
      ;(roots ??= new Set()).add(w.root)
      notes ??= new Set()
      if (w.root === 'notes' && (w.op === 'create' || (w.op === 'field' && this.rules.notes?.fields?.[w.field] === 'author'))) notes.add(w.key)
    }
    if (moment) return { kind: 'notNow', claims, refusal: moment, roots: roots!, notes: notes! }
    // An update that changes nothing is not "exact": stored as it is, it would add an empty entry.
    return { kind: 'ok', claims, exact: this.exact && (this.fresh.size > 0 || this.deletes > 0) }
  }

  /** Client ids and clocks: only this person's, each continuing where the document stands. */
  private clocks(structs: (Y.Item | Y.GC | Y.Skip)[], personId: string): number[] | Verdict {
    const claims: number[] = []
    const owners = this.doc.getMap<string>(CLIENTS_ROOT)
    let last = -1
    let known = 0
    let list: Struct[] | undefined
    for (const s of structs) {
      const c = s.id.client
      if (c !== last) {
        if (this.ends.has(c)) return { kind: 'malformed', reason: 'a client listed twice in one update' }
        if (this.ends.size >= UPDATE_BOUNDS.clients) return { kind: 'malformed', reason: 'too many client ids in one update' }
        last = c
        known = Y.getState(this.store, c)
        this.ends.set(c, known)
        list = undefined
      }
      if (s instanceof Y.Skip) continue
      if (s.id.clock > known) return MISSING
      const end = s.id.clock + s.length
      if (s.id.clock < known) this.exact = false
      if (end <= known) continue // already in the document
      if (!list) {
        const owner = owners.get(String(c))
        if (owner === undefined) claims.push(c)
        else if (owner !== personId) return { kind: 'forged', reason: 'writes under a client id that is not yours' }
        this.fresh.set(c, (list = []))
      }
      list.push(s as Struct)
      known = end
      this.ends.set(c, end)
    }
    return claims
  }

  private exists(id: Y.ID) {
    return id.clock < (this.ends.get(id.client) ?? Y.getState(this.store, id.client))
  }

  private find(id: Y.ID): Found | undefined {
    const list = this.fresh.get(id.client)
    if (list) for (const s of list) if (id.clock >= s.id.clock && id.clock < s.id.clock + s.length) return { s, isFresh: true }
    if (id.clock >= Y.getState(this.store, id.client)) return undefined
    return { s: Y.getItem(this.store, id) as Struct, isFresh: false }
  }

  // ---- places: where each struct would land, as Yjs's own integration would resolve it ----

  /** The place of what is inside the type that `holder` holds. */
  private inside(holder: Found): Place | null {
    const h = holder.s
    if (!(h instanceof Y.Item) || !(h.content instanceof Y.ContentType) || h.deleted) return null
    const at = holder.isFresh ? this.freshPlace(h) : this.docItemPlace(h)
    if (!at) return null
    if (at.depth === 2) return { ...at, record: h, fresh: holder.isFresh }
    return at
  }

  private placeOfType(t: Y.AbstractType<any>): Place | null {
    const known = this.typePlaces.get(t)
    if (known !== undefined) return known
    let p: Place | null
    if (t._item === null) {
      const name = rootNameOf(this.doc, t)
      p = name === undefined ? null : { depth: 1, root: name, key: '', field: '', record: null, fresh: false }
    } else p = this.inside({ s: t._item, isFresh: false })
    this.typePlaces.set(t, p)
    return p
  }

  private docItemPlace(it: Y.Item): Place | null {
    return extend(this.placeOfType(it.parent as Y.AbstractType<any>), it.parentSub)
  }

  /** Iterative along origins: a long run of separate insertions in one text must not exhaust the stack. */
  private freshPlace(start: Struct): Place | null {
    const chain: Struct[] = []
    let p: Place | null = null
    for (let it: Struct | undefined = start; it; ) {
      const known = this.freshPlaces.get(it)
      if (known !== undefined) {
        p = known
        break
      }
      this.freshPlaces.set(it, null) // a cycle resolves to nowhere
      chain.push(it)
      if (!(it instanceof Y.Item)) break
      if (it.origin || it.rightOrigin) {
        // As Item.getMissing: an origin in garbage makes the item garbage; else the left one's parent.
        const left: Found | undefined = it.origin ? this.find(it.origin) : undefined
        const right: Found | undefined = it.rightOrigin ? this.find(it.rightOrigin) : undefined
        const base: Found | undefined = left ?? right
        if (!base || left?.s instanceof Y.GC || right?.s instanceof Y.GC || !(base.s instanceof Y.Item)) break
        if (base.isFresh) {
          it = base.s
          continue
        }
        p = this.docItemPlace(base.s)
      } else if (typeof it.parent === 'string') {
        p = { depth: 2, root: it.parent, key: it.parentSub ?? '#', field: '', record: null, fresh: false }
      } else if (it.parent instanceof Y.ID) {
        const holder = this.find(it.parent)
        p = holder ? extend(this.inside(holder), it.parentSub) : null
      }
      break
    }
    for (const it of chain) this.freshPlaces.set(it, p)
    return p
  }

  private authorOf(record: Y.Item | null, root: string): string | undefined {
    const rule = Object.hasOwn(this.rules, root) ? this.rules[root]! : undefined
    if (!rule?.author || !record || !(record.content instanceof Y.ContentType)) return undefined
    const fields = (record.content.type as Y.Map<unknown>)._map
    const author = authorIn(rule, (f) => {
      const value = fields.get(f)
      return value && !value.deleted ? value.content.getContent()[0] : undefined
    })
    return typeof author === 'string' ? author : undefined
  }

  private live(root: string, key: string) {
    const it = this.doc.share.get(root)?._map.get(key)
    return it && !it.deleted ? it : undefined
  }

  // ---- what the update would change ----

  private text(p: Place) {
    const id = `${p.root}\u0000${p.key}\u0000${p.field}`
    let t = this.texts.get(id)
    if (!t) this.texts.set(id, (t = { root: p.root, key: p.key, field: p.field, record: p.record, fresh: p.fresh, grow: 0, shrink: 0 }))
    return t
  }

  /** Whether a text it edits would end up longer than the rule table allows. */
  private tooLong(): Verdict | null {
    for (const t of this.texts.values()) {
      let now = 0
      if (!t.fresh && t.record?.content instanceof Y.ContentType) {
        const value = (t.record.content.type as Y.Map<unknown>)._map.get(t.field)
        if (value && !value.deleted && value.content instanceof Y.ContentType) now = value.content.type._length
      }
      const limit = maxLength(this.rules, t.root, t.field)
      if (now + t.grow - t.shrink > limit) return tooLongIn(t.root, t.field, limit)
    }
    return null
  }

  private structWrites(writes: Write[]): Verdict | null {
    let creations: Map<Y.Item, { root: string; key: string; fields: Record<string, unknown> }> | null = null
    for (const list of this.fresh.values()) {
      for (const s of list) {
        if (!(s instanceof Y.Item)) continue
        if ((s.origin && !this.exists(s.origin)) || (s.rightOrigin && !this.exists(s.rightOrigin))) return MISSING
        if (s.parent instanceof Y.ID && !this.exists(s.parent)) return MISSING
        const c = s.content
        if (c instanceof Y.ContentDoc || c instanceof Y.ContentBinary || c instanceof Y.ContentJSON) {
          return { kind: 'forged', reason: 'content a board does not hold' }
        }
        const p = this.freshPlace(s)
        if (!p) continue // lands in garbage: no effect
        const { root, key, field, depth } = p
        if (key === '#') return { kind: 'forged', reason: `"${root}" is not a list` }
        if (depth > UPDATE_BOUNDS.depth) return { kind: 'forged', reason: 'nested deeper than a board holds' }
        if (depth === 3 && !(c instanceof Y.ContentDeleted)) {
          // A field of a fixed shape (a note's `f`, `p`, `k`) holds exactly that: a value, never a Y type.
          for (const value of c instanceof Y.ContentAny ? c.arr : [c]) {
            const malformed = malformedField(this.rules, root, field, value)
            if (malformed) return { kind: 'forged', reason: malformed.reason }
          }
        }
        if (c instanceof Y.ContentAny) {
          const limit = maxLength(this.rules, root, depth === 2 ? key : field)
          for (const v of c.arr) if (typeof v === 'string' && v.length > limit) return tooLongIn(root, depth === 2 ? key : field, limit)
        } else if (c instanceof Y.ContentString && depth >= 4) this.text(p).grow += c.getLength()
        if (c instanceof Y.ContentDeleted) {
          // Already deleted when sent, it still displaces the live value under its key, if any.
          const live = depth === 2 ? this.live(root, key) : undefined
          if (live) writes.push({ op: 'delete', root, key, author: this.authorOf(live, root) })
          else if (depth > 2 && !p.fresh) writes.push({ op: 'field', root, key, field, author: this.authorOf(p.record, root) })
          continue
        }
        const rule = Object.hasOwn(this.rules, root) ? this.rules[root] : undefined
        if (rule?.plain && (depth > 2 || !(c instanceof Y.ContentAny))) return { kind: 'forged', reason: `"${root}" holds plain values` }
        if (depth === 2) {
          if (rule?.fields && !(c instanceof Y.ContentType)) return { kind: 'forged', reason: `"${root}" holds records` }
          const live = this.live(root, key)
          if (live) writes.push({ op: 'replace', root, key, author: this.authorOf(live, root) })
          creations ??= new Map()
          if (!creations.has(s)) creations.set(s, { root, key, fields: {} })
        } else if (p.fresh && p.record) {
          creations ??= new Map()
          let created = creations.get(p.record)
          if (!created) creations.set(p.record, (created = { root, key, fields: {} }))
          if (depth === 3) created.fields[field] = c instanceof Y.ContentAny ? c.arr[c.arr.length - 1] : c instanceof Y.ContentType ? c.type : undefined
        } else {
          writes.push({ op: 'field', root, key, field, author: this.authorOf(p.record, root) })
        }
      }
    }
    if (creations) for (const c of creations.values()) writes.push({ op: 'create', ...c })
    return null
  }

  /** Deletions: only of what is live now (a sync message repeats the whole delete set). Deleting a
   *  record deletes its fields too: those are part of the record's deletion, not writes of their own. */
  private deleteWrites(ds: ReturnType<typeof Y.decodeUpdate>['ds'], writes: Write[]): Verdict | null {
    if (ds.clients.size === 0) return null
    const deleted: [Y.Item, Place][] = []
    for (const [client, ranges] of ds.clients) {
      const have = Y.getState(this.store, client)
      const limit = this.ends.get(client) ?? have
      const structs = this.store.clients.get(client)
      for (const { clock, len } of ranges) {
        const end = clock + len
        if (end > limit) return { kind: 'missing', reason: 'deletes changes the server does not have' }
        // Deleting this update's own new items, or what is deleted already: let Yjs say what changed.
        if (!structs || end > have) this.exact = false
        if (!structs || clock >= have) continue
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const it = structs[i]!
          if (!(it instanceof Y.Item) || it.deleted) {
            this.exact = false
            continue
          }
          this.deletes++
          const p = this.docItemPlace(it)
          if (p) deleted.push([it, p])
          if (p && p.depth >= 4 && it.content instanceof Y.ContentString) this.text(p).shrink += Math.min(it.id.clock + it.length, end) - Math.max(it.id.clock, clock)
        }
      }
    }
    let records: Set<Y.Item> | null = null
    for (const [it, p] of deleted) if (p.depth === 2) (records ??= new Set()).add(it)
    for (const [it, p] of deleted) {
      const { root, key, field } = p
      if (p.depth === 2) writes.push({ op: 'delete', root, key, author: this.authorOf(it, root) })
      else if (!p.record || !records?.has(p.record)) writes.push({ op: 'field', root, key, field, author: this.authorOf(p.record, root) })
    }
    return null
  }
}

const tooLongIn = (root: string, field: string, limit: number): Verdict => ({
  kind: 'forged',
  reason: `"${field}" of "${root}" is longer than ${limit} characters`,
})

function extend(p: Place | null, sub: string | null): Place | null {
  if (!p) return null
  const k = sub ?? '#'
  return { depth: p.depth + 1, root: p.root, key: p.depth === 1 ? k : p.key, field: p.depth === 2 ? k : p.field, record: p.record, fresh: p.fresh }
}

/** Root types by name, per doc, built again only when the doc gains a root. */
const rootNames = new WeakMap<Y.Doc, { size: number; names: Map<Y.AbstractType<any>, string> }>()
function rootNameOf(doc: Y.Doc, t: Y.AbstractType<any>) {
  let known = rootNames.get(doc)
  if (!known || known.size !== doc.share.size) {
    known = { size: doc.share.size, names: new Map([...doc.share].map(([name, type]) => [type, name])) }
    rootNames.set(doc, known)
  }
  return known.names.get(t)
}

/** Records the server's own client id as the server's, before it writes with it (each load of a doc has a
 *  new one), so that nobody can write under it. Call inside a transaction of the server's. */
export function claimServer(doc: Y.Doc) {
  const clients = doc.getMap<string>(CLIENTS_ROOT)
  if (clients.get(String(doc.clientID)) !== SERVER_OWNER) clients.set(String(doc.clientID), SERVER_OWNER)
}

/** Records client ids as their writer's, in a transaction of the server's own (which claims its id too). */
export function claimClients(doc: Y.Doc, ids: readonly number[], personId: string) {
  claimServer(doc)
  const clients = doc.getMap<string>(CLIENTS_ROOT)
  for (const id of ids) clients.set(String(id), personId)
}
