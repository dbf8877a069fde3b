import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, initBoard } from '../../shared/schema.js'
import { writeTally } from '../../shared/sessionDoc.js'
import { addLane, hideLane, moveLane, readLanes, renameLane } from '../../shared/lanes.js'
import { addItem, moveItem, promote } from '../../shared/mapItems.js'
import { readMap } from '../../shared/readMap.js'

/** One stage; lone pain notes n1..n5 with the given votes, all promoted into the pain lane. */
function cell(votes: number[]) {
  const doc = new Y.Doc()
  initBoard(doc, 'b', ['تجربه'], () => 's1', 1)
  votes.forEach((_, i) => addNote(doc, { id: `n${i + 1}`, stageId: 's1', kind: 'pain', text: `درد ${i + 1}`, authorId: 'u' }, 1))
  writeTally(doc, Object.fromEntries(votes.map((v, i) => [`n${i + 1}`, v])))
  votes.forEach((_, i) => promote(doc, { kind: 'note', id: `n${i + 1}` }))
  return doc
}
const titles = (doc: Y.Doc, lane = 'pain') => readMap(doc).cells.s1![lane]!.map((i) => i.title)

describe('a cell of the map', () => {
  it('shows the most voted items first, equal votes in promotion order', () => {
    expect(titles(cell([1, 4, 0, 4, 2]))).toEqual(['درد 2', 'درد 4', 'درد 5', 'درد 1', 'درد 3'])
  })

  it('moves an item among those with as many votes; votes still rank first', () => {
    const doc = cell([3, 3, 3, 1])
    moveItem(doc, 'note:n3', 's1', 'pain', 0)
    expect(titles(doc)).toEqual(['درد 3', 'درد 1', 'درد 2', 'درد 4'])
    moveItem(doc, 'note:n3', 's1', 'pain', 99) // past the 1-vote item: as low as 3 votes allow
    expect(titles(doc)).toEqual(['درد 1', 'درد 2', 'درد 3', 'درد 4'])
  })

  it('moves an item to another cell at the position it was dropped', () => {
    const doc = cell([2, 0, 0])
    addItem(doc, { id: 'm1', stageId: 's1', laneId: 'opportunity', title: 'الف' })
    addItem(doc, { id: 'm2', stageId: 's1', laneId: 'opportunity', title: 'ب' })
    moveItem(doc, 'note:n2', 's1', 'opportunity', 1)
    expect(titles(doc, 'opportunity')).toEqual(['الف', 'درد 2', 'ب'])
    moveItem(doc, 'note:n1', 's1', 'opportunity', 3)
    expect(titles(doc, 'opportunity')).toEqual(['درد 1', 'الف', 'درد 2', 'ب'])
  })
})

describe('lanes', () => {
  it('starts with the ten default lanes, unnamed so each reader sees them in their own language', () => {
    const doc = new Y.Doc()
    expect(readLanes(doc).map((l) => [l.id, l.name])).toEqual(
      ['action', 'need', 'question', 'touchpoint', 'emotion', 'pain', 'motivation', 'opportunity', 'metric', 'owner']
        .map((id) => [id, '']))
    expect(doc.getMap('lanes').size).toBe(0)
    initBoard(doc, 'b', ['s'], () => 's1', 1)
    expect(readMap(doc, { pain: 'نقاط درد' }).lanes.find((l) => l.id === 'pain')!.name).toBe('نقاط درد')
    expect(readMap(doc).lanes.find((l) => l.id === 'pain')!.name).toBe('Pain points')
  })

  it('renames, adds, moves and hides lanes; a renamed lane keeps its name in every language', () => {
    const doc = new Y.Doc()
    renameLane(doc, 'owner', 'الفريق المسؤول')
    addLane(doc, 'channels', 'قنوات البيع', 0)
    moveLane(doc, 'pain', 1)
    hideLane(doc, 'metric')
    const lanes = readMap(doc, { owner: 'Owner' }).lanes
    expect(lanes.map((l) => l.id)).toEqual(
      ['channels', 'pain', 'action', 'need', 'question', 'touchpoint', 'emotion', 'motivation', 'opportunity', 'owner'])
    expect(lanes.at(-1)!.name).toBe('الفريق المسؤول')
    renameLane(doc, 'owner', '')
    expect(readMap(doc).lanes.at(-1)!.name).toBe('Owner')
  })

  it('converges on the ten lanes when two tabs create the defaults at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    hideLane(a, 'need')
    renameLane(b, 'action', 'ما يفعله')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readLanes(a)).toEqual(readLanes(b))
    expect(readLanes(a)).toHaveLength(10)
  })
})
