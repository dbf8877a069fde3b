// The map as one print-ready HTML page (A4 landscape): the frame on top, then the grid of stages × visible
// lanes with their items, and the emotion curve drawn under the stage columns. The server renders it to PDF
// and PNG with Chromium; a browser can print it as it is. Nothing in it loads from the network.
import type { MapItem } from '../journeyMap.js'
import { LANE_IDS } from '../lanes.js'
import type { JourneyMap } from '../readMap.js'
import { escapeHtml as esc } from './escape.js'
import { EXPORT_LABELS, metricName, type ExportLabels } from './labels.js'
import { printCss } from './printCss.js'
import { toSvgCurve } from './svgCurve.js'

export interface PrintOptions {
  dir: 'ltr' | 'rtl'
  /** BCP 47 language of the page, for hyphenation, fonts and screen readers. */
  lang: string
  labels?: ExportLabels
}

export function toPrintHtml(map: JourneyMap, opts: PrintOptions): string {
  const dir = opts.dir === 'rtl' ? 'rtl' : 'ltr'
  const labels = opts.labels ?? EXPORT_LABELS.en
  const title = map.title.trim() || labels.untitled
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(opts.lang)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    `<style>${printCss(dir)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    header(map, title, labels),
    grid(map, dir, labels),
    '</main>',
    `<script>${FIT_TO_PAGE}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** A crowded map is scaled down (to 60% at most) to stay on one sheet rather than split across two; the page
 *  is widened as it shrinks so the columns keep the sheet's width. Without scripts, a long map flows onto more
 *  pages, repeating the stage names on each. The page's own layout has the sheet's width in print and on screen,
 *  so measuring it on load tells what printing will need. */
const FIT_TO_PAGE = `(function () {
  var main = document.querySelector('main'), sheet = 192 * 96 / 25.4;
  function fit() {
    var zoom = 1;
    main.style.zoom = '';
    main.style.width = '';
    for (var i = 0; i < 4; i++) {
      var height = main.getBoundingClientRect().height;
      if (height <= sheet * 0.995 || zoom <= 0.6) break;
      zoom = Math.max(0.6, zoom * sheet / height * 0.99);
      main.style.zoom = zoom;
      main.style.width = 279 / zoom + 'mm';
    }
  }
  fit();
  if (document.fonts) document.fonts.ready.then(fit);
})();`

function header(map: JourneyMap, title: string, labels: ExportLabels): string {
  const f = map.frame
  const persona = [
    f.personaName.trim() ? `<strong>${esc(f.personaName.trim())}</strong>` : '',
    esc(f.personaDescription.trim()),
  ].filter(Boolean).join(' — ')
  const facts = [[labels.persona, persona], [labels.goal, esc(f.goal.trim())], [labels.scope, esc(f.scope.trim())]]
    .filter(([, v]) => v)
    .map(([k, v]) => `<div><dt>${esc(k!)}</dt><dd dir="auto">${v}</dd></div>`)
  return `<header><h1>${esc(title)}</h1>${facts.length ? `<dl>${facts.join('')}</dl>` : ''}</header>`
}

function grid(map: JourneyMap, dir: 'ltr' | 'rtl', labels: ExportLabels): string {
  const n = map.stages.length
  const rows = map.lanes.map((lane) => {
    const cells = map.stages.map((s) => `<td>${items(map.cells[s.id]?.[lane.id] ?? [], labels)}</td>`)
    const colour = (LANE_IDS as readonly string[]).includes(lane.id) ? lane.id : 'custom'
    return `<tr class="lane lane-${colour}"><th scope="row">${esc(lane.name)}</th>${cells.join('')}</tr>`
  })
  // The curve reads best right under the emotions it sums up, else it closes the grid.
  const curve = `<tr class="curve"><th scope="row">${esc(labels.emotionCurve)}</th><td colspan="${Math.max(1, n)}">` +
    toSvgCurve(map, dir, { embedded: true, labels }) + '</td></tr>'
  const at = map.lanes.findIndex((l) => l.id === 'emotion')
  rows.splice(at < 0 ? rows.length : at + 1, 0, curve)
  const stages = map.stages.map((s, i) => `<th scope="col"><span class="step">${i + 1}</span>${esc(s.name)}</th>`)
  return [
    '<table class="map">',
    `<colgroup><col class="lane-col"><col span="${Math.max(1, n)}"></colgroup>`,
    `<thead><tr><th class="corner"></th>${stages.join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n')
}

// The team's text takes its own direction (dir="auto"): an English note on a Persian map, or an Arabic one on an
// English map, keeps its punctuation where its writer put it.
function items(list: readonly MapItem[], labels: ExportLabels): string {
  if (!list.length) return ''
  return `<ul class="items">${list.map((i) => `<li>${item(i, labels)}</li>`).join('')}</ul>`
}

function item(i: MapItem, labels: ExportLabels): string {
  const votes = i.votes > 0 ? `<span class="votes">${esc(labels.votes(i.votes))}</span>` : ''
  const notes = i.notes.filter((t) => t.trim())
  const m = i.metric
  const values = m
    ? [
        m.target !== undefined ? `<span>${esc(labels.target)} <bdi dir="ltr">${m.target}</bdi></span>` : '',
        m.current !== undefined ? `<span>${esc(labels.current)} <bdi dir="ltr">${m.current}</bdi></span>` : '',
      ].filter(Boolean)
    : []
  // A decision or next step says which it is, and who owns it by when, in the metric's small line.
  const kind = i.outcome ? `${esc(i.outcome === 'decision' ? labels.decision : labels.step)}: ` : ''
  const owner = i.outcome && (i.owner || i.due)
    ? `<div class="metric owner">${[i.owner ? `${esc(labels.owner)}: <bdi>${esc(i.owner)}</bdi>` : '', i.due ? `${esc(labels.due)} <bdi dir="ltr">${esc(i.due)}</bdi>` : ''].filter(Boolean).join(' · ')}</div>`
    : ''
  return [
    `<div class="title" dir="auto">${kind}${esc(i.title.trim() || '—')}${votes}</div>`,
    owner,
    notes.length ? `<ul class="notes">${notes.map((t) => `<li dir="auto">${esc(t.trim())}</li>`).join('')}</ul>` : '',
    m ? `<div class="metric"><bdi>${esc(metricName(m))}</bdi>${values.length ? ` · ${values.join(' · ')}` : ''}</div>` : '',
  ].join('')
}
