// The emotion curve as a standalone SVG: stages along x in reading order (in rtl the first stage is on the
// right), scores from -2 (bottom) to +2 (top) around a zero line. Each stage sits at the centre of an equal
// column, so the print page can lay the curve under its stage columns (`embedded`).
import type { JourneyMap } from '../readMap.js'
import { escapeHtml as esc } from './escape.js'
import { EXPORT_LABELS, formatScore, type ExportLabels } from './labels.js'

export interface CurveOptions {
  /** Width of the standalone picture; an embedded curve takes its container's. */
  width?: number
  height?: number
  /** For a page that shows stage names and columns already: no axes, and x in percent, so the curve
   *  stretches to any width without squashing its dots and numbers. */
  embedded?: boolean
  labels?: ExportLabels
}

/** System fonts first for Latin, then the Arabic-script faces our users' text needs; rtl pages lead with those. */
export function fontStack(dir: 'ltr' | 'rtl'): string {
  const latin = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans'`
  const arabic = `Vazirmatn, 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma`
  return dir === 'rtl' ? `${arabic}, ${latin}, sans-serif` : `${latin}, ${arabic}, sans-serif`
}

const r1 = (n: number) => Math.round(n * 10) / 10
const colour = (s: number) => (s < 0 ? '#dc2626' : s > 0 ? '#16a34a' : '#6b7280')

export function toSvgCurve(map: JourneyMap, dir: 'ltr' | 'rtl', opts: CurveOptions = {}): string {
  const labels = opts.labels ?? EXPORT_LABELS.en
  const axes = !opts.embedded
  const W = axes ? (opts.width ?? 720) : 100 // embedded: percent of the container
  const H = opts.height ?? (axes ? 260 : 84)
  const unit = axes ? '' : '%'
  const [gutter, pad, top, bottom] = axes ? [40, 8, 26, 44] : [0, 0, 20, 10]
  const n = Math.max(1, map.stages.length)
  const step = (W - gutter - pad) / n
  // Distance from the start edge (left in ltr, right in rtl) to an x coordinate.
  const at = (d: number) => `${r1(dir === 'rtl' ? W - d : d)}${unit}`
  const x = (i: number) => at(gutter + step * (i + 0.5))
  const y = (s: number) => r1(top + ((2 - s) / 4) * (H - top - bottom))
  const [x1, x2] = [at(gutter), at(W - pad)]
  const band = (from: number, to: number, fill: string) =>
    `<rect x="${dir === 'rtl' ? at(W - pad) : x1}" y="${y(from)}" width="${r1(W - gutter - pad)}${unit}" ` +
    `height="${r1(y(to) - y(from))}" fill="${fill}"/>`
  const names = new Map(map.stages.map((s) => [s.id, s.name]))
  const points = map.curve.map((p, i) => ({ ...p, i })).filter((p): p is typeof p & { score: number } => p.score !== null)
  const title = `${labels.emotionCurve}${map.title ? ` — ${map.title}` : ''}`
  const desc = map.curve.map((p) => `${names.get(p.stageId) ?? ''}: ${p.score === null ? labels.notScored : formatScore(p.score)}`)

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg"${axes ? ` viewBox="0 0 ${W} ${H}" width="${W}"` : ' width="100%"'} ` +
      `height="${H}" role="img" font-family="${fontStack(dir)}" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<desc>${esc(desc.join('; '))}</desc>`,
    // A standalone picture brings its own paper, or a dark viewer would show the axes on black.
    axes ? `<rect width="${W}" height="${H}" fill="#fff"/>` : '',
    // Tinted halves say "good" and "bad" before anyone reads a number.
    band(2, 0, '#f0fdf4'),
    band(0, -2, '#fef2f2'),
  ]
  for (const s of [-2, -1, 1, 2]) {
    out.push(`<line x1="${x1}" y1="${y(s)}" x2="${x2}" y2="${y(s)}" stroke="#e5e7eb" stroke-dasharray="3 3"/>`)
  }
  out.push(`<line x1="${x1}" y1="${y(0)}" x2="${x2}" y2="${y(0)}" stroke="#9ca3af"/>`)
  if (axes) {
    // Numbers are set left to right explicitly: inside an rtl page, "-1" would otherwise read "1-".
    const [sx, anchor] = dir === 'rtl' ? [W - gutter + 6, 'start'] : [gutter - 6, 'end']
    for (const s of [-2, -1, 0, 1, 2]) {
      out.push(`<text x="${sx}" y="${y(s)}" dy="4" text-anchor="${anchor}" direction="ltr" fill="#6b7280">${formatScore(s)}</text>`)
    }
    for (let i = 1; i < n; i++) {
      out.push(`<line x1="${at(gutter + step * i)}" y1="${top}" x2="${at(gutter + step * i)}" y2="${H - bottom}" stroke="#f3f4f6"/>`)
    }
    const maxChars = Math.max(4, Math.floor(step / 7))
    map.stages.forEach((s, i) => {
      const chars = Array.from(s.name)
      const shown = chars.length > maxChars ? chars.slice(0, maxChars - 1).join('') + '…' : s.name
      out.push(`<text x="${x(i)}" y="${H - bottom + 22}" text-anchor="middle" direction="${dir}" fill="#374151">` +
        `${esc(shown)}${shown !== s.name ? `<title>${esc(s.name)}</title>` : ''}</text>`)
    })
  }
  const line = 'fill="none" stroke="#4f46e5" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"'
  if (axes && points.length > 1) {
    out.push(`<polyline points="${points.map((p) => `${x(p.i)},${y(p.score)}`).join(' ')}" ${line}/>`)
  } else {
    // A polyline cannot take percentages, so a stretching curve is drawn a segment at a time.
    for (let k = 1; k < points.length; k++) {
      const [a, b] = [points[k - 1]!, points[k]!]
      out.push(`<line x1="${x(a.i)}" y1="${y(a.score)}" x2="${x(b.i)}" y2="${y(b.score)}" ${line}/>`)
    }
  }
  for (const p of points) {
    out.push(`<circle cx="${x(p.i)}" cy="${y(p.score)}" r="5" fill="${colour(p.score)}" stroke="#fff" stroke-width="1.5"/>`)
    out.push(`<text x="${x(p.i)}" y="${r1(y(p.score) - 10)}" text-anchor="middle" direction="ltr" font-weight="600" ` +
      `fill="${colour(p.score)}">${formatScore(p.score)}</text>`)
  }
  out.push('</svg>')
  return out.filter(Boolean).join('\n') + '\n'
}
