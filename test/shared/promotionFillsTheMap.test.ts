import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, initBoard, readBoard, type NoteKind } from '../../shared/schema.js'
import { createCluster, renameCluster } from '../../shared/clusters.js'
import { writeTally } from '../../shared/sessionDoc.js'
import { readMapItems } from '../../shared/journeyMap.js'
import { DEFAULT_LANES, hideLane, laneForKind, readLanes } from '../../shared/lanes.js'
import { addItem, demote, editItem, fittingLane, promote, promoteTopN, setMetric } from '../../shared/mapItems.js'
import { readMap } from '../../shared/readMap.js'

function board(notes: [id: string, stage: number, kind: NoteKind, text: string][]) {
  const doc = new Y.Doc()
  let seq = 0
  initBoard(doc, 'متجر', ['الوعي', 'القرار'], () => `s${++seq}`, 1)
  for (const [id, stage, kind, text] of notes) addNote(doc, { id, stageId: `s${stage}`, kind, text, authorId: 'u' }, 1)
  return doc
}

describe('lane of a note and of a cluster', () => {
  it('sends each kind of note to its lane', () => {
    expect(['action', 'touchpoint', 'question', 'feeling', 'pain', 'idea'].map((k) => laneForKind(k as NoteKind)))
      .toEqual(['action', 'touchpoint', 'question', 'emotion', 'pain', 'opportunity'])
  })

  it('takes the lane most of a cluster\'s notes feed, ties going to the earlier lane', () => {
    expect(fittingLane(['pain', 'question', 'pain'], DEFAULT_LANES)).toBe('pain')
    expect(fittingLane(['pain', 'question'], DEFAULT_LANES)).toBe('question')
    expect(fittingLane(['idea', 'feeling'], DEFAULT_LANES)).toBe('emotion')
  })

  it('falls back to the next best visible lane when the fitting one is hidden', () => {
    const lanes = DEFAULT_LANES.map((l) => (l.id === 'pain' ? { ...l, hidden: true } : l))
    expect(fittingLane(['pain', 'pain', 'idea'], lanes)).toBe('opportunity')
    expect(fittingLane(['pain'], lanes)).toBe('action')
  })
})

describe('promote', () => {
  it('puts a cluster in its stage and its notes\' lane, named after the cluster, with its votes', () => {
    const doc = board([['n1', 2, 'pain', 'الدفع فشل مرتين'], ['n2', 2, 'pain', 'لا يوجد دفع عند الاستلام'],
      ['n3', 2, 'question', 'هل الشحن مجاني؟']])
    createCluster(doc, 'c1', ['n1', 'n2', 'n3'], 'مشاكل الدفع', 1)
    writeTally(doc, { c1: 6 })
    expect(promote(doc, { kind: 'cluster', id: 'c1' })).toBe('cluster:c1')
    expect(readMap(doc).cells.s2!.pain).toMatchObject([{ title: 'مشاكل الدفع', votes: 6, sourceKind: 'cluster',
      sourceId: 'c1', notes: ['الدفع فشل مرتين', 'لا يوجد دفع عند الاستلام', 'هل الشحن مجاني؟'] }])
  })

  it('titles an unnamed cluster after its first note, and a lone note after its text', () => {
    const doc = board([['n1', 1, 'touchpoint', ' إعلان في يوتيوب '], ['n2', 1, 'touchpoint', 'مدونة'],
      ['n3', 1, 'idea', 'Free returns']])
    createCluster(doc, 'c1', ['n1', 'n2'], '', 1)
    promote(doc, { kind: 'cluster', id: 'c1' })
    promote(doc, { kind: 'note', id: 'n3' })
    const items = readMapItems(doc)
    expect(items.find((i) => i.id === 'cluster:c1')).toMatchObject({ title: 'إعلان في يوتيوب', laneId: 'touchpoint' })
    expect(items.find((i) => i.id === 'note:n3')).toMatchObject({ title: 'Free returns', notes: [], laneId: 'opportunity' })
  })

  it('takes a lane and stage given by the facilitator over the fitting ones', () => {
    const doc = board([['n1', 1, 'feeling', 'متحمس']])
    promote(doc, { kind: 'note', id: 'n1' }, { laneId: 'motivation', stageId: 's2' })
    expect(readMapItems(doc)[0]).toMatchObject({ stageId: 's2', laneId: 'motivation' })
  })

  it('refreshes instead of duplicating when the same source is promoted again, and keeps where it was moved', () => {
    const doc = board([['n1', 1, 'pain', 'بطء'], ['n2', 1, 'pain', 'أخطاء']])
    createCluster(doc, 'c1', ['n1', 'n2'], 'الأداء', 1)
    writeTally(doc, { c1: 2 })
    promote(doc, { kind: 'cluster', id: 'c1' }, { laneId: 'need' })
    writeTally(doc, { c1: 5 })
    renameCluster(doc, 'c1', 'الأداء البطيء')
    expect(promote(doc, { kind: 'cluster', id: 'c1' })).toBe('cluster:c1')
    expect(readMapItems(doc)).toHaveLength(1)
    expect(readMapItems(doc)[0]).toMatchObject({ title: 'الأداء البطيء', votes: 5, laneId: 'need' })
  })

  it('writes nothing when promoting an item that is already up to date', () => {
    const doc = board([['n1', 1, 'action', 'يسجل']])
    promote(doc, { kind: 'note', id: 'n1' })
    let updates = 0
    doc.on('update', () => updates++)
    promote(doc, { kind: 'note', id: 'n1' })
    expect(updates).toBe(0)
  })

  it('converges on one item when two tabs promote the same cluster at once', () => {
    const a = board([['n1', 1, 'pain', 'x'], ['n2', 1, 'pain', 'y']])
    createCluster(a, 'c1', ['n1', 'n2'], 'c', 1)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    promote(a, { kind: 'cluster', id: 'c1' })
    promote(b, { kind: 'cluster', id: 'c1' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(readMapItems(a).map((i) => i.id)).toEqual(['cluster:c1'])
  })

  it('returns null for a source that is not on the board', () => {
    expect(promote(board([]), { kind: 'cluster', id: 'nope' })).toBeNull()
  })
})

describe('promoteTopN', () => {
  const doc = () => {
    const d = board([['n1', 1, 'pain', 'a'], ['n2', 1, 'pain', 'b'], ['n3', 1, 'idea', 'c'], ['n4', 2, 'action', 'd'],
      ['n5', 2, 'question', 'e'], ['n6', 2, 'pain', 'f'], ['n7', 2, 'idea', 'g']])
    createCluster(d, 'c1', ['n1', 'n2'], 'first', 1)
    createCluster(d, 'c2', ['n5', 'n6'], 'second', 1)
    return d
  }

  it('promotes the N with the most votes, ties in board order (a stage\'s clusters, then its lone notes)', () => {
    const d = doc()
    writeTally(d, { n7: 4, c2: 3, n3: 3, c1: 3, n4: 1 })
    expect(promoteTopN(d, 3)).toEqual(['note:n7', 'cluster:c1', 'note:n3'])
    expect(readMapItems(d)).toHaveLength(3)
  })

  it('gives the same ranking on every replica, whatever order the tally was written in', () => {
    const d1 = doc()
    const d2 = doc()
    writeTally(d1, { c1: 2, n4: 2, c2: 2 })
    writeTally(d2, { c2: 2, n4: 2, c1: 2 })
    expect(promoteTopN(d1, 2)).toEqual(promoteTopN(d2, 2))
  })

  it('promotes nothing without votes and does all its writes in one transaction', () => {
    const d = doc()
    expect(promoteTopN(d, 5)).toEqual([])
    writeTally(d, { c1: 1, c2: 1, n3: 1 })
    let transactions = 0
    d.on('afterTransaction', () => transactions++)
    expect(promoteTopN(d, 10)).toHaveLength(3)
    expect(transactions).toBe(1)
  })
})

describe('items on the map', () => {
  it('demotes, retitles, measures and adds items by hand', () => {
    const d = board([['n1', 1, 'pain', 'x']])
    promote(d, { kind: 'note', id: 'n1' })
    editItem(d, 'note:n1', { title: 'عنوان جديد' })
    setMetric(d, 'note:n1', { type: 'CES', target: 2, current: Number.NaN })
    addItem(d, { id: 'm1', stageId: 's1', laneId: 'owner', title: 'فريق الدعم' })
    expect(readMapItems(d).find((i) => i.id === 'note:n1')).toMatchObject({ title: 'عنوان جديد',
      metric: { type: 'CES', target: 2 } })
    setMetric(d, 'note:n1', null)
    expect(readMapItems(d).find((i) => i.id === 'note:n1')!.metric).toBeNull()
    demote(d, 'note:n1')
    expect(readMapItems(d).map((i) => i.id)).toEqual(['m1'])
    expect(readBoard(d).notes).toHaveLength(1)
  })

  it('leaves items of a hidden lane out of the map until the lane is shown again', () => {
    const d = board([['n1', 1, 'pain', 'x']])
    promote(d, { kind: 'note', id: 'n1' })
    hideLane(d, 'pain')
    expect(readMap(d).lanes.map((l) => l.id)).not.toContain('pain')
    expect(Object.values(readMap(d).cells.s1!).flat()).toEqual([])
    hideLane(d, 'pain', false)
    expect(readMap(d).cells.s1!.pain).toHaveLength(1)
    expect(readLanes(d)).toHaveLength(10)
  })
})
