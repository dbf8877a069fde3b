// Every journey template speaks all three languages alike (the same number of stages, every name within the
// limits a board takes), adds lanes that do not clash with the default ones, and writes exactly that into a doc.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LANE_IDS, laneLabel, readLanes } from '../../shared/lanes.js'
import { CreateBoardRequest, LIMITS, check } from '../../shared/requests.js'
import { BOARD_LANGS, DEFAULT_STAGE_NAMES, readBoard, readBoardLang } from '../../shared/schema.js'
import { TEMPLATES, TEMPLATE_IDS, startFromTemplate } from '../../shared/templates.js'

let n = 0
const newId = () => `id${++n}`

describe.each(TEMPLATE_IDS.map((id) => [id]))('the %s template', (id) => {
  const template = TEMPLATES[id]

  it('has every text in every language, within the limits', () => {
    expect(template.id).toBe(id)
    const counts = BOARD_LANGS.map((lang) => template.stages[lang].length)
    expect(new Set(counts).size).toBe(1)
    expect(counts[0]).toBeGreaterThanOrEqual(3)
    expect(counts[0]).toBeLessThanOrEqual(LIMITS.maxStages)
    for (const lang of BOARD_LANGS) {
      for (const words of [template.name, template.summary, template.title]) expect(words[lang].trim()).not.toBe('')
      expect(template.title[lang].length).toBeLessThanOrEqual(LIMITS.titleLength)
      for (const stage of template.stages[lang]) {
        expect(stage.trim()).toBe(stage)
        expect(stage.length).toBeGreaterThan(0)
        expect(stage.length).toBeLessThanOrEqual(LIMITS.stageNameLength)
      }
      expect(new Set(template.stages[lang]).size).toBe(counts[0])
      for (const lane of [...Object.values(template.renames), ...template.adds.map((a) => a.name)]) {
        expect(lane[lang].trim()).not.toBe('')
        expect(lane[lang].length).toBeLessThanOrEqual(LIMITS.stageNameLength)
      }
    }
  })

  it('adds lanes of its own after default ones, never in place of one', () => {
    for (const lane of template.adds) {
      expect(LANE_IDS as readonly string[]).not.toContain(lane.id)
      expect(LANE_IDS).toContain(lane.after)
    }
    for (const renamed of Object.keys(template.renames)) expect(LANE_IDS as readonly string[]).toContain(renamed)
  })

  it.each(BOARD_LANGS.map((lang) => [lang]))('writes its stages, lanes and title in %s into a new doc', (lang) => {
    const doc = new Y.Doc()
    startFromTemplate(doc, template, { lang, newId })
    const board = readBoard(doc)
    expect(board.title).toBe(template.title[lang])
    expect(board.stages.map((s) => s.name)).toEqual(template.stages[lang])
    expect(readBoardLang(doc)).toBe(lang)
    const lanes = readLanes(doc)
    expect(lanes.length).toBe(LANE_IDS.length + template.adds.length)
    for (const lane of template.adds) {
      const at = lanes.findIndex((l) => l.id === lane.id)
      expect(lanes[at - 1]!.id).toBe(lane.after)
      expect(laneLabel(lanes[at]!)).toBe(lane.name[lang])
    }
    for (const [laneId, name] of Object.entries(template.renames)) expect(lanes.find((l) => l.id === laneId)!.name).toBe(name[lang])
    expect(check(CreateBoardRequest, { template: id, lang }).ok).toBe(true)
  })
})

it('the default template is the five usual stages', () => {
  expect(TEMPLATES.default.stages).toBe(DEFAULT_STAGE_NAMES)
  expect(TEMPLATES.default.adds).toEqual([])
})
