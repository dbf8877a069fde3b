// Similar notes (issue 15): which notes of a board say nearly the same as a text, and which groups of
// near-duplicates a facilitator could make, in Arabic, Persian, English and mixed text, computed here, with
// no model. Notes are compared by their words (similarWords.ts: folded, stop words out, lightly stemmed)
// twice: by the stems two notes share, and by the character trigrams of those stems (which catch spellings
// and forms the stemmer misses), each weighted by how rare it is on the board (TF-IDF cosine). The index
// is updated note by note, so a query on a 1,000-note board stays far under a frame.
import { noteWords, trigrams } from './similarWords.js'

/** A pair scoring at least this is offered as "says nearly the same" (chosen on the labelled fixtures). */
export const SIMILAR_THRESHOLD = 0.5
/** Notes are suggested as one group when their average pairwise score reaches this. */
export const GROUP_THRESHOLD = 0.5
/** How much the shared stems count against the shared trigrams. */
const WORD_WEIGHT = 0.5

// ---- the index ----

interface Terms {
  words: string[]
  grams: string[]
}

function analyse(text: string): Terms {
  const words = [...new Set(noteWords(text))]
  return { words, grams: trigrams(words) }
}

export interface Match {
  id: string
  score: number
}

export type SimilarIndex = ReturnType<typeof createSimilarIndex>

const KINDS = ['words', 'grams'] as const

/** Where the first slot greater than `slot` is in an ascending list. */
function firstAfter(slots: readonly number[], slot: number): number {
  let [lo, hi] = [0, slots.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (slots[mid]! <= slot) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A note's features as their posting lists: words, then trigrams. */
type Lists = [number[][], number[][]]
const NONE: number[] = []

/** The notes of a board, indexed for similarity; `set`, `remove` or `sync` keep it up to date. Each note
 *  has a slot (a number), so that a query adds up its scores in typed arrays rather than maps, and holds
 *  its features' posting lists, whose lengths give their IDF without looking them up. */
export function createSimilarIndex() {
  const slotOf = new Map<string, number>()
  const ids: string[] = []
  const texts: string[] = []
  const terms: (Terms | undefined)[] = []
  const lists: (Lists | undefined)[] = []
  const free: number[] = []
  // Each feature's notes, as slots in ascending order (so that a pair query starts past its own slot).
  const postings = { words: new Map<string, number[]>(), grams: new Map<string, number[]>() }
  // Norms depend on every note (through the IDF): each is kept until the index next changes.
  let generation = 1
  let normGen = new Int32Array(64)
  let norms = new Float64Array(128)
  let dots = new Float64Array(128)
  const touched: number[] = []

  // IDF², smoothed, for each document frequency on a board of the current size.
  let tableSize = -1
  let table = new Float64Array(0)
  function idfSq(df: number): number {
    if (tableSize !== slotOf.size) {
      tableSize = slotOf.size
      table = new Float64Array(tableSize + 2)
      for (let d = 0; d < table.length; d++) table[d] = Math.log(1 + (tableSize + 1) / (d + 1)) ** 2
    }
    return table[Math.min(df, tableSize + 1)]!
  }
  const norm = (of: number[][]) => Math.sqrt(of.reduce((sum, l) => sum + idfSq(l.length), 0))
  const listsOf = (t: Terms): Lists => [t.words.map((f) => postings.words.get(f) ?? NONE), t.grams.map((f) => postings.grams.get(f) ?? NONE)]
  function normsOf(slot: number) {
    if (normGen[slot] !== generation) {
      norms[2 * slot] = norm(lists[slot]![0])
      norms[2 * slot + 1] = norm(lists[slot]![1])
      normGen[slot] = generation
    }
  }

  function remove(id: string) {
    const slot = slotOf.get(id)
    if (slot === undefined) return
    for (const kind of KINDS) {
      for (const f of terms[slot]![kind]) {
        const slots = postings[kind].get(f)!
        slots.splice(slots.indexOf(slot), 1)
        if (!slots.length) postings[kind].delete(f)
      }
    }
    slotOf.delete(id)
    terms[slot] = lists[slot] = undefined
    free.push(slot)
    generation++
  }

  function set(id: string, text: string) {
    const known = slotOf.get(id)
    if (known !== undefined && texts[known] === text) return
    remove(id)
    const slot = free.pop() ?? ids.length
    if (2 * slot + 2 > norms.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2)
        b.set(a)
        return b
      }
      norms = grow(norms, (n) => new Float64Array(n))
      dots = grow(dots, (n) => new Float64Array(n))
      normGen = grow(normGen, (n) => new Int32Array(n))
    }
    const t = analyse(text)
    slotOf.set(id, slot)
    ids[slot] = id
    texts[slot] = text
    terms[slot] = t
    for (const kind of KINDS) {
      for (const f of t[kind]) {
        const slots = postings[kind].get(f)
        if (!slots) postings[kind].set(f, [slot])
        else slots.splice(firstAfter(slots, slot), 0, slot)
      }
    }
    lists[slot] = listsOf(t)
    generation++
  }

  const cos = (dot: number, qn: number, n: number) => (dot && dot / (qn * n))
  const most = [0, 0]

  /** Calls `found` with each note like the one of features `q` scoring at least `threshold`; `after`
   *  leaves out every slot up to it (for pairs, each counted once). With `common`, features held by more
   *  than that many notes only add to the notes that a rarer feature found (they alone could not reach a
   *  threshold worth having), which spares most of the work of all pairs on a large board. */
  function query(q: Lists, threshold: number, found: (slot: number, score: number) => void, after = -1, common = Infinity) {
    const qw = norm(q[0])
    const qg = norm(q[1])
    if (!qw && !qg) return
    let frequent: [number, number[], number][] | undefined
    const rare = q.some((of) => of.some((l) => l.length && l.length <= common))
    for (let i = 0; i < 2; i++) {
      for (const slots of q[i]!) {
        if (!slots.length) continue
        const w = idfSq(slots.length)
        if (rare && slots.length > common) {
          ;(frequent ??= []).push([i, slots, w])
          continue
        }
        for (let at = after < 0 ? 0 : firstAfter(slots, after); at < slots.length; at++) {
          const j = 2 * slots[at]!
          if (!dots[j] && !dots[j + 1]) touched.push(slots[at]!)
          dots[j + i] = dots[j + i]! + w
        }
      }
    }
    // What the frequent features could add at most: a note that cannot reach the threshold even so is
    // not looked up in them.
    most[0] = most[1] = 0
    for (const [i, , w] of frequent ?? []) most[i]! += w
    for (const slot of touched) {
      let [dw, dg] = [dots[2 * slot]!, dots[2 * slot + 1]!]
      dots[2 * slot] = dots[2 * slot + 1] = 0
      normsOf(slot)
      const [nw, ng] = [norms[2 * slot]!, norms[2 * slot + 1]!]
      if (frequent) {
        if (WORD_WEIGHT * cos(dw + most[0]!, qw, nw) + (1 - WORD_WEIGHT) * cos(dg + most[1]!, qg, ng) < threshold) continue
        for (const [i, slots, w] of frequent) {
          if (slots[firstAfter(slots, slot - 1)] === slot) i ? (dg += w) : (dw += w)
        }
      }
      const score = WORD_WEIGHT * cos(dw, qw, nw) + (1 - WORD_WEIGHT) * cos(dg, qg, ng)
      if (score >= threshold) found(slot, score)
    }
    touched.length = 0
  }

  return {
    set,
    remove,
    /** Brings the index to exactly these notes, re-reading only those whose text changed. */
    sync(list: Iterable<{ id: string; text: string }>) {
      const seen = new Set<string>()
      for (const n of list) {
        seen.add(n.id)
        set(n.id, n.text)
      }
      if (seen.size !== slotOf.size) for (const id of [...slotOf.keys()]) if (!seen.has(id)) remove(id)
    },
    get size() {
      return slotOf.size
    },
    /** The notes that say nearly the same as `text`, best first: at most `k`, each scoring ≥ `threshold`. */
    similarTo(text: string, k = 5, opts: { threshold?: number; skip?: (id: string) => boolean } = {}): Match[] {
      const out: Match[] = []
      query(listsOf(analyse(text)), opts.threshold ?? SIMILAR_THRESHOLD, (slot, score) => {
        if (!opts.skip?.(ids[slot]!)) out.push({ id: ids[slot]!, score })
      })
      return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, k)
    },
    /** Every pair of notes scoring at least `threshold`, each once (for grouping). */
    pairs(threshold: number): [string, string, number][] {
      const out: [string, string, number][] = []
      const common = Math.max(32, slotOf.size / 16)
      for (const [id, slot] of slotOf) query(lists[slot]!, threshold, (other, score) => out.push([id, ids[other]!, score]), slot, common)
      return out
    },
    /** How alike two texts are (0 to 1), weighted by this index's notes. */
    score(a: string, b: string): number {
      const [ta, tb] = [analyse(a), analyse(b)]
      const part = (kind: keyof Terms) => {
        const other = new Set(tb[kind])
        const df = (f: string) => postings[kind].get(f)?.length ?? 0
        const dot = ta[kind].reduce((sum, f) => sum + (other.has(f) ? idfSq(df(f)) : 0), 0)
        const n = (t: Terms) => Math.sqrt(t[kind].reduce((sum, f) => sum + idfSq(df(f)), 0))
        return dot && dot / (n(ta) * n(tb))
      }
      return WORD_WEIGHT * part('words') + (1 - WORD_WEIGHT) * part('grams')
    },
  }
}

// ---- suggested groups ----

export interface GroupableNote {
  id: string
  text: string
  stageId: string
  clusterId?: string | null
}

export interface GroupSuggestion {
  /** The notes to group, those already in the cluster they would join first. */
  noteIds: string[]
  /** Where the group goes: the stage most of its notes are in (or the cluster's, when it joins one). */
  stageId: string
  /** The existing cluster the other notes would join, if one of its notes is in the group. */
  clusterId: string | null
  /** Whether its notes are in more than one stage now. */
  acrossStages: boolean
  /** The average score between its notes. */
  score: number
}

/**
 * Groups of near-duplicate notes, within a stage and across stages, best first. Notes already in one
 * cluster count as one unit and are never offered again on their own; a group joins at most one existing
 * cluster. Average linkage: two groups merge while the mean score over all their pairs stays ≥ threshold,
 * which keeps a chain of loosely alike notes from becoming one group.
 */
export function suggestGroups(
  notes: readonly GroupableNote[],
  opts: { index?: SimilarIndex; threshold?: number } = {},
): GroupSuggestion[] {
  const threshold = opts.threshold ?? GROUP_THRESHOLD
  const index = opts.index ?? createSimilarIndex()
  index.sync(notes)
  const at = new Map(notes.map((n, i) => [n.id, i]))
  // Pairs under half the threshold count as 0 in the averages.
  const pairs = index.pairs(threshold / 2).map(([a, b, score]) => [at.get(a)!, at.get(b)!, score] as const)
  const n = notes.length
  const key = (x: number, y: number) => (x < y ? x * n + y : y * n + x)
  const edges = new Map(pairs.map(([a, b, score]) => [key(a, b), score]))

  // Units to start from: each cluster's notes together, every other note alone.
  interface Group { members: number[]; clusterId: string | null }
  const groupOf: Group[] = []
  const ofCluster = new Map<string, Group>()
  notes.forEach((note, i) => {
    const known = note.clusterId ? ofCluster.get(note.clusterId) : undefined
    const g: Group = known ?? { members: [], clusterId: note.clusterId ?? null }
    if (note.clusterId) ofCluster.set(note.clusterId, g)
    g.members.push(i)
    groupOf[i] = g
  })
  const link = (a: Group, b: Group) => {
    let sum = 0
    for (const x of a.members) for (const y of b.members) sum += edges.get(key(x, y)) ?? 0
    return sum / (a.members.length * b.members.length)
  }

  for (const [x, y, score] of pairs.sort((p, q) => q[2] - p[2])) {
    if (score < threshold) break
    const [a, b] = [groupOf[x]!, groupOf[y]!]
    if (a === b || (a.clusterId && b.clusterId) || link(a, b) < threshold) continue
    // b joins a.
    for (const i of b.members) groupOf[i] = a
    a.members.push(...b.members)
    a.clusterId ??= b.clusterId
  }

  const inside = new Map<Group, number>()
  for (const [a, b, score] of pairs) if (groupOf[a] === groupOf[b]) inside.set(groupOf[a]!, (inside.get(groupOf[a]!) ?? 0) + score)
  const out: GroupSuggestion[] = []
  for (const g of new Set(groupOf)) {
    const clustered = (i: number) => !!g.clusterId && notes[i]!.clusterId === g.clusterId
    if (g.members.length < 2 || g.members.every(clustered)) continue
    const members = g.members.sort((a, b) => a - b)
    const inStage = new Map<string, number>()
    for (const i of members) inStage.set(notes[i]!.stageId, (inStage.get(notes[i]!.stageId) ?? 0) + 1)
    const most = Math.max(...inStage.values())
    const stageId = notes[g.clusterId ? members.find(clustered)! : members.find((i) => inStage.get(notes[i]!.stageId) === most)!]!.stageId
    // Those already in the target (its cluster, else its stage) come first: grouping starts from them.
    const first = (i: number) => (g.clusterId ? clustered(i) : notes[i]!.stageId === stageId)
    const noteIds = [...members.filter(first), ...members.filter((i) => !first(i))].map((i) => notes[i]!.id)
    const count = (members.length * (members.length - 1)) / 2
    out.push({ noteIds, stageId, clusterId: g.clusterId, acrossStages: inStage.size > 1, score: (inside.get(g) ?? 0) / count })
  }
  return out.sort((a, b) => b.score - a.score || (a.noteIds[0]! < b.noteIds[0]! ? -1 : 1))
}
