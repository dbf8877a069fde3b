// One board in every export format, for the HTTP endpoint and the command line alike.
import * as Y from 'yjs'
import { fromJson } from '../shared/export/json.js'
import { readSnapshot } from '../shared/boardSnapshot.js'
import { toCsv } from '../shared/export/csv.js'
import { toJson } from '../shared/export/json.js'
import { EXPORT_LABELS } from '../shared/export/labels.js'
import { toMarkdown } from '../shared/export/markdown.js'
import { toPrintHtml } from '../shared/export/printHtml.js'
import { toSvgCurve } from '../shared/export/svgCurve.js'
import { readMap } from '../shared/readMap.js'
import { boardLang } from '../shared/boardLang.js'
import { storeNewBoard } from './boards.js'
import type { Renderer } from './render.js'
import type { Store } from './storage/store.js'

export const FORMATS = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
} as const
export type Format = keyof typeof FORMATS
export const isFormat = (f: unknown): f is Format => typeof f === 'string' && Object.hasOwn(FORMATS, f)

type Lang = keyof typeof EXPORT_LABELS

/** The language of an export whose reader did not say: the board's own (stored when it was made, or chosen
 *  by the facilitator since), else, for boards made before that, a guess from its letters (shared/boardLang.ts). */
export const boardLanguage = (doc: Y.Doc): Lang => boardLang(doc)

export async function exportBoard(doc: Y.Doc, format: Format, langParam: string | undefined, renderer: Renderer) {
  const lang: Lang = langParam && Object.hasOwn(EXPORT_LABELS, langParam) ? (langParam as Lang) : boardLanguage(doc)
  const labels = EXPORT_LABELS[lang]
  const dir = lang === 'en' ? 'ltr' : 'rtl'
  const map = readMap(doc, labels.lanes)
  const html = () => toPrintHtml(map, { dir, lang, labels })
  const body: string | Buffer =
    format === 'md' ? toMarkdown(map, labels)
    : format === 'csv' ? toCsv(map)
    : format === 'json' ? toJson(readSnapshot(doc))
    : format === 'svg' ? toSvgCurve(map, dir, { labels })
    : format === 'html' ? html()
    : format === 'pdf' ? await renderer.pdf(html())
    : await renderer.png(html())
  const name = (map.title.trim() || 'journey-map').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').slice(0, 80)
  return { body, contentType: FORMATS[format], filename: `${name}.${format}` }
}

/** A new board from a JSON export: the same stages, notes, clusters, votes and map, with new secrets. */
export async function importBoard(store: Store, json: string | { parsed: unknown }) {
  const doc = fromJson(json) // throws BoardJsonError or SyntaxError, naming what is wrong
  const created = await storeNewBoard(store, doc)
  doc.destroy()
  return created
}
