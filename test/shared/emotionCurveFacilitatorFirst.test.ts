import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../shared/schema.js'
import { emotionCurve, readRatings, setEmotion, setRating } from '../../shared/emotionCurve.js'
import { readMap } from '../../shared/readMap.js'

describe('emotion curve', () => {
  it('takes the facilitator\'s score, else the participants\' average to one decimal, else null', () => {
    const ratings = { 'p1:s1': 2, 'p2:s1': 1, 'p3:s1': 1, 'p1:s2': -2, 'p2:s2': 2, 'p1:s3': -1 }
    expect(emotionCurve(['s1', 's2', 's3', 's4'], { s3: 1 }, ratings)).toEqual([
      { stageId: 's1', score: 1.3 },
      { stageId: 's2', score: 0 },
      { stageId: 's3', score: 1 },
      { stageId: 's4', score: null },
    ])
  })

  it('rounds halves away from zero, so mirrored ratings give mirrored scores, and never shows minus zero', () => {
    const ratings = { 'p:a': 1, 'q:a': 0, 'r:a': 0, 's:a': 0, 'p:b': -1, 'q:b': 0, 'r:b': 0, 's:b': 0 }
    expect(emotionCurve(['a', 'b'], {}, ratings).map((p) => p.score)).toEqual([0.3, -0.3])
    const almostZero = { 'p:c': -1, ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`z${i}:c`, 0])) }
    expect(Object.is(emotionCurve(['c'], {}, almostZero)[0]!.score, 0)).toBe(true)
  })

  it('does not mix up stages whose ids end alike, nor people with a colon in their id', () => {
    expect(emotionCurve(['s1', 'xs1'], {}, { 'a:b:xs1': 2, 'p:s1': -1 })).toEqual([
      { stageId: 's1', score: -1 },
      { stageId: 'xs1', score: 2 },
    ])
  })

  it('keeps scores whole and within -2..+2, and clears them with null', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'b', ['آگاهی', 'تجربه'], (() => { let i = 0; return () => `s${++i}` })(), 1)
    setEmotion(doc, 's1', 7)
    setRating(doc, 'p1', 's2', -1.6)
    setRating(doc, 'p2', 's2', -9)
    expect(readMap(doc).curve).toEqual([{ stageId: 's1', score: 2 }, { stageId: 's2', score: -2 }])
    setEmotion(doc, 's1', null)
    setRating(doc, 'p2', 's2', null)
    expect(readMap(doc).curve).toEqual([{ stageId: 's1', score: null }, { stageId: 's2', score: -2 }])
    expect(readRatings(doc)).toEqual({ 'p1:s2': -2 })
  })

  it('ignores what a hand-crafted update stored that is not a score', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'b', ['x'], () => 's1', 1)
    doc.getMap('emotions').set('s1', 'very happy')
    doc.getMap('ratings').set('p:s1', 1.5)
    expect(readMap(doc).curve).toEqual([{ stageId: 's1', score: null }])
  })
})
