import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../../shared/boardSnapshot.js'
import { BoardJsonError, fromJson, parseBoardJson, toJson } from '../../shared/export/json.js'
import { readMap } from '../../shared/readMap.js'
import { readSession, readTally } from '../../shared/sessionDoc.js'
import { NOTE, SCHEMA_VERSION, readBoard, readNote } from '../../shared/schema.js'
import { arabicFreelance, persianShop } from './fixtures/journeyBoards.js'

describe('board JSON', () => {
  it.each([['Persian shop', persianShop], ['Arabic freelancing', arabicFreelance]])(
    'gives the same bytes after export, import and export again (%s)',
    (_, make) => {
      const doc = make()
      const once = toJson(readSnapshot(doc))
      const imported = fromJson(once)
      expect(toJson(readSnapshot(imported))).toBe(once)
      expect(readMap(imported)).toEqual(readMap(doc))
      expect(readSession(imported).phase).toBe('map')
      expect(readTally(imported)).toEqual(readTally(doc))
    },
  )

  it('keeps ids, clusters and authors, and note texts stay editable text', () => {
    const doc = fromJson(toJson(readSnapshot(persianShop())))
    const note = doc.getMap('notes').get('n15') as Y.Map<unknown>
    expect(note.get(NOTE.text)).toBeInstanceOf(Y.Text)
    expect(readNote(note)).toMatchObject({ id: 'n15', authorId: 'p3', clusterId: 'c4' })
    expect(readBoard(doc).schemaVersion).toBe(SCHEMA_VERSION) // an import is written in this version
  })

  it('exports a board with no map yet, with the default lanes', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('title', 'empty')
    const json = toJson(readSnapshot(doc))
    expect(JSON.parse(json)).toMatchObject({ format: 'touchpoint-board', version: 1, title: 'empty', phase: 'setup',
      notes: [], mapItems: [], frame: { title: '', goal: '' } })
    expect(JSON.parse(json).lanes).toHaveLength(10)
    expect(toJson(readSnapshot(fromJson(json)))).toBe(json)
  })

  it('reads an export with a byte order mark, as editors on Windows save it', () => {
    const json = toJson(readSnapshot(arabicFreelance()))
    expect(toJson(readSnapshot(fromJson('\uFEFF' + json)))).toBe(json)
  })
})

describe('importing bad JSON', () => {
  const good = () => JSON.parse(toJson(readSnapshot(persianShop())))
  const refusal = (edit: (j: any) => void) => {
    const j = good()
    edit(j)
    try {
      parseBoardJson(JSON.stringify(j))
    } catch (e) {
      expect(e).toBeInstanceOf(BoardJsonError)
      return (e as Error).message
    }
    throw new Error('accepted')
  }

  it('says what is wrong and where', () => {
    expect(() => parseBoardJson('{"format": ')).toThrow(/^not JSON/)
    expect(() => parseBoardJson('[]')).toThrow('expected an object')
    expect(refusal((j) => (j.format = 'miro-board'))).toMatch(/^format: .*not a Touchpoint board export/)
    expect(refusal((j) => (j.version = 2))).toBe('version: 2 is from a newer Touchpoint; this one reads version 1')
    expect(refusal((j) => (j.notes[3].kind = 'rant'))).toMatch(/^notes\[3\]\.kind: expected action/)
    expect(refusal((j) => (j.notes[0].text = 42))).toBe('notes[0].text: expected a string')
    expect(refusal((j) => delete j.stages)).toBe('stages: expected an array')
    expect(refusal((j) => (j.phase = 'party'))).toMatch(/^phase: expected one of setup, ideate/)
    expect(refusal((j) => (j.emotions.s1 = 3))).toBe('emotions.s1: expected a whole number from -2 to 2')
    expect(refusal((j) => (j.ratings['p1s1'] = 1))).toBe('ratings.p1s1: expected a key "personId:stageId"')
    expect(refusal((j) => (j.tally.c1 = -1))).toBe('tally.c1: expected a whole number of votes')
    expect(refusal((j) => (j.lanes[0].hidden = 'no'))).toBe('lanes[0].hidden: expected true or false')
    expect(refusal((j) => (j.mapItems[0].metric = { type: 'KPI' }))).toMatch(/^mapItems\[0\]\.metric: expected null/)
    expect(refusal((j) => (j.mapItems[1].sourceKind = 'robot'))).toMatch(/^mapItems\[1\]\.sourceKind/)
    expect(refusal((j) => (j.frame = null))).toBe('frame: expected an object')
  })

  it('refuses two records with one id, which would silently become one', () => {
    expect(refusal((j) => j.notes.push({ ...j.notes[0] }))).toMatch(/^notes\[18\]\.id: "n1" appears twice/)
  })

  it('treats an id like __proto__ as an ordinary key', () => {
    const text = JSON.stringify(good()).replace('"tally":{', '"tally":{"__proto__":3,')
    expect(parseBoardJson(text).tally['__proto__']).toBe(3)
    expect(Object.getPrototypeOf(parseBoardJson(text).tally)).toBe(Object.prototype)
  })
})
