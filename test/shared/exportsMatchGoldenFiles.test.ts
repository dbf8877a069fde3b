// Every export of two realistic boards, compared byte for byte with files a person has read. When an export
// changes on purpose: UPDATE_GOLDEN=1 npx vitest run test/shared/exportsMatchGoldenFiles.test.ts, then read
// the diff of test/shared/golden/ as a reviewer would before committing it.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../../shared/boardSnapshot.js'
import { toCsv } from '../../shared/export/csv.js'
import { toJson } from '../../shared/export/json.js'
import { EXPORT_LABELS } from '../../shared/export/labels.js'
import { toMarkdown } from '../../shared/export/markdown.js'
import { toPrintHtml } from '../../shared/export/printHtml.js'
import { toSvgCurve } from '../../shared/export/svgCurve.js'
import { readMap } from '../../shared/readMap.js'
import { arabicFreelance, persianShop } from './fixtures/journeyBoards.js'

function golden(name: string, actual: string) {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url))
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

const boards = [
  { name: 'fa-shop', make: persianShop, lang: 'fa' as const },
  { name: 'ar-freelance', make: arabicFreelance, lang: 'ar' as const },
]

describe.each(boards)('exports of $name', ({ name, make, lang }) => {
  const labels = EXPORT_LABELS[lang]
  const map = readMap(make(), labels.lanes)

  it('Markdown', () => golden(`${name}.md`, toMarkdown(map, labels)))
  it('CSV', () => golden(`${name}.csv`, toCsv(map)))
  it('JSON', () => golden(`${name}.json`, toJson(readSnapshot(make()))))
  it('SVG curve, right to left', () => golden(`${name}.curve.svg`, toSvgCurve(map, 'rtl', { labels })))
  it('print HTML, right to left', () => golden(`${name}.print.html`, toPrintHtml(map, { dir: 'rtl', lang, labels })))
})
