// The map store mirrors the journey map of a Y.Doc (its own writes and a peer's), names default lanes in the
// reader's language, and lets through only the writes the server would accept: the facilitator's map edits,
// and a participant's own rating in the map phase. Anything else would cost the writer their socket (4403).
import { createRoot, createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster } from '../../shared/clusters.js'
import { EXPORT_LABELS } from '../../shared/export/labels.js'
import { initMap } from '../../shared/lanes.js'
import { addNote, initBoard, type NoteKind } from '../../shared/schema.js'
import { writeSession, writeTally } from '../../shared/sessionDoc.js'
import { createMapStore, type MapStore, type MapStoreOptions } from '../../client/src/features/map/mapStore.js'

function twoPeers() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'))
  let seq = 0
  initBoard(a, 'فروشگاه ظروف', ['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری'], () => `s${++seq}`, 1)
  initMap(a)
  const notes: [string, string, NoteKind, string][] = [
    ['n1', 's1', 'touchpoint', 'تبلیغ اینستاگرام را دید'],
    ['n2', 's2', 'question', 'آیا ارسال به شهرستان رایگان است؟'],
    ['n3', 's2', 'question', 'ضمانت بازگشت کالا چند روز است؟'],
    ['n4', 's3', 'pain', 'درگاه پرداخت دو بار خطا داد'],
    ['n5', 's3', 'pain', 'کد تخفیف اعمال نشد'],
  ]
  for (const [id, stageId, kind, text] of notes) addNote(a, { id, stageId, kind, text, authorId: 'u1' }, 1)
  createCluster(a, 'k-ship', ['n2', 'n3'], 'شفافیت ارسال و بازگشت', 1)
  createCluster(a, 'k-pay', ['n4', 'n5'], 'مشکلات پرداخت', 1)
  return { a, b }
}

function withStore<T>(doc: Y.Doc, opts: MapStoreOptions, fn: (s: MapStore) => T): T {
  return createRoot((dispose) => {
    let n = 0
    const store = createMapStore(doc, { newId: () => `x${++n}`, ...opts })
    try {
      return fn(store)
    } finally {
      store.dispose()
      dispose()
    }
  })
}

const titlesIn = (s: MapStore, stageId: string, laneId: string) => (s.state.map.cells[stageId]?.[laneId] ?? []).map((i) => i.title)

describe('map store', () => {
  it('follows a peer\'s map: promotions, moves, frame and scores, with lanes named in the reader\'s language', () => {
    const { a, b } = twoPeers()
    const [lang, setLang] = createSignal<'fa' | 'en'>('fa')
    withStore(b, { laneNames: () => EXPORT_LABELS[lang()].lanes }, (s) => {
      expect(s.state.map.stages.map((x) => x.name)).toEqual(['آگاهی', 'بررسی و مقایسه', 'تصمیم‌گیری'])
      expect(s.state.map.lanes.find((l) => l.id === 'pain')!.name).toBe('نقاط درد')
      expect(s.state.lanes).toHaveLength(10)

      // The facilitator, in another tab, promotes and frames.
      withStore(a, { canEdit: () => true }, (f) => {
        writeSession(a, { phase: 'map', votesRevealed: true })
        writeTally(a, { 'k-pay': 3, 'k-ship': 2, n1: 1 })
        expect(f.actions.promoteTopN(2)).toEqual(['cluster:k-pay', 'cluster:k-ship'])
        f.actions.setFrame({ personaName: 'مریم', goal: 'کاهش رها کردن سبد خرید' })
        f.actions.setEmotion('s3', -2)
      })
      expect(titlesIn(s, 's3', 'pain')).toEqual(['مشکلات پرداخت'])
      expect(titlesIn(s, 's2', 'question')).toEqual(['شفافیت ارسال و بازگشت'])
      expect(s.state.map.cells.s3!.pain![0]).toMatchObject({ votes: 3, notes: ['درگاه پرداخت دو بار خطا داد', 'کد تخفیف اعمال نشد'] })
      expect(s.state.map.frame).toMatchObject({ personaName: 'مریم', goal: 'کاهش رها کردن سبد خرید' })
      expect(s.state.map.curve).toEqual([{ stageId: 's1', score: null }, { stageId: 's2', score: null }, { stageId: 's3', score: -2 }])
      expect(s.state.session.phase).toBe('map')

      setLang('en')
      expect(s.state.map.lanes.find((l) => l.id === 'pain')!.name).toBe('Pain points')
      expect(s.state.lanes.find((l) => l.id === 'question')!.label).toBe('Questions')
    })
  })

  it('lets the facilitator retitle, move, measure, demote, and edit lanes; nudges stop at the edges', () => {
    const { a } = twoPeers()
    withStore(a, { canEdit: () => true }, (s) => {
      writeTally(a, { 'k-pay': 3, n4: 0 })
      const id = s.actions.promote({ kind: 'cluster', id: 'k-pay' })!
      const lone = s.actions.promote({ kind: 'note', id: 'n1' })!
      s.actions.editTitle(id, 'پرداخت ناموفق')
      s.actions.setMetric(id, { type: 'CES', target: 2, current: 4 })
      expect(s.itemById(id)).toMatchObject({ title: 'پرداخت ناموفق', metric: { type: 'CES', target: 2, current: 4 } })

      expect(s.actions.nudgeItem(id, { dStage: 1 })).toBeUndefined() // the last stage
      expect(s.actions.nudgeItem(id, { dStage: -1 })).toMatchObject({ stageIndex: 1, index: 0, count: 1 })
      s.actions.moveItem(lone, 's2', 'pain', 0)
      // Votes rank first in a cell: the lone note (no votes) cannot pass the cluster (3 votes).
      expect(titlesIn(s, 's2', 'pain')).toEqual(['پرداخت ناموفق', 'تبلیغ اینستاگرام را دید'])
      expect(s.actions.nudgeItem(lone, { dIndex: -1 })).toBeUndefined()
      expect(s.place(lone)).toMatchObject({ stageIndex: 1, index: 1, count: 2 })

      s.actions.renameLane('pain', 'موانع')
      s.actions.hideLane('owner', true)
      const added = s.actions.addLane('کانال‌ها')!
      s.actions.moveLane(added, 0)
      expect(s.state.map.lanes[0]).toEqual({ id: added, name: 'کانال‌ها' })
      expect(s.state.map.lanes.map((l) => l.id)).not.toContain('owner')
      expect(s.state.lanes.find((l) => l.id === 'owner')).toMatchObject({ hidden: true })
      expect(s.state.map.lanes.find((l) => l.id === 'pain')!.name).toBe('موانع')

      s.actions.demote(lone)
      expect(s.itemById(lone)).toBeUndefined()
    })
  })

  it('writes nothing for anyone but the facilitator, and ratings only in the map phase, in the rater\'s name', () => {
    const { a, b } = twoPeers()
    let writes = 0
    b.on('update', (_u: Uint8Array, origin: unknown) => origin !== 'a' && writes++)
    withStore(b, { canEdit: () => false }, (s) => {
      s.actions.setFrame({ title: 'x' })
      s.actions.promoteTopN(3)
      s.actions.promote({ kind: 'cluster', id: 'k-pay' })
      s.actions.renameLane('pain', 'x')
      s.actions.addLane('x')
      s.actions.setEmotion('s1', 2)
      expect(s.actions.setRating('p1', 's1', 2)).toBe(false) // setup phase
      expect(writes).toBe(0)

      writeSession(a, { phase: 'map' })
      expect(s.ratingOpen()).toBe(true)
      expect(s.actions.setRating(null, 's1', 2)).toBe(false)
      expect(s.actions.setRating('p1', 's1', 2)).toBe(true)
      expect(b.getMap('ratings').toJSON()).toEqual({ 'p1:s1': 2 })
      expect(writes).toBe(1)
      expect(s.ratingsOf('s1', 'p1')).toEqual({ count: 1, mine: 2 })

      // A second participant rates elsewhere; the curve shows the average until the facilitator sets a score.
      a.getMap('ratings').set('p2:s1', -1)
      expect(s.state.map.curve[0]).toEqual({ stageId: 's1', score: 0.5 })
      a.getMap('emotions').set('s1', 1)
      expect(s.state.map.curve[0]).toEqual({ stageId: 's1', score: 1 })

      writeSession(a, { phase: 'map', locked: true })
      expect(s.actions.setRating('p1', 's1', -2)).toBe(false)
    })
  })

  it('lists promotables stage by stage, most votes first, marking those on the map, while someone watches', () => {
    const { a } = twoPeers()
    withStore(a, { canEdit: () => true }, (s) => {
      expect(s.state.promotables).toEqual([])
      const stop = s.watchPromotables()
      expect(s.state.promotables.map((p) => p.id)).toEqual(['n1', 'k-ship', 'k-pay'])
      writeTally(a, { 'k-pay': 3, n1: 1 })
      s.actions.promote({ kind: 'cluster', id: 'k-pay' })
      expect(s.state.promotables.find((p) => p.id === 'k-pay')).toMatchObject({ votes: 3, itemId: 'cluster:k-pay', kind: 'cluster' })
      expect(s.state.promotables.find((p) => p.id === 'n1')).toMatchObject({ votes: 1, itemId: null, kind: 'note' })

      addNote(a, { id: 'n6', stageId: 's1', kind: 'action', text: 'از دوستش پرسید', authorId: 'u1' })
      writeTally(a, { 'k-pay': 3, n1: 1, n6: 2 })
      expect(s.state.promotables.filter((p) => p.stageId === 's1').map((p) => p.id)).toEqual(['n6', 'n1'])
      stop()
      addNote(a, { id: 'n7', stageId: 's1', kind: 'action', text: 'بی‌خبر', authorId: 'u1' })
      expect(s.state.promotables.map((p) => p.id)).not.toContain('n7')
    })
  })
})
