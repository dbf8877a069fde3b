// The print page's style: one A4 landscape sheet for a typical map (five stages, ten lanes, a dozen items),
// small but legible type, each lane's colour on its items so a glance finds the pains and the opportunities.
import { fontStack } from './svgCurve.js'

export const printCss = (dir: 'ltr' | 'rtl') => `
@page { size: A4 landscape; margin: 9mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #111827; background: #fff;
  font-family: ${fontStack(dir)}; font-size: 8pt; line-height: 1.3; }
main { width: 279mm; margin: 0 auto; }
@media screen { body { padding: 6mm 0; } }
header { display: flex; align-items: baseline; gap: 6mm; margin-bottom: 2.5mm; padding-bottom: 2mm;
  border-bottom: 2px solid #4f46e5; }
h1 { margin: 0; font-size: 14pt; line-height: 1.2; font-weight: 700; flex: 0 1 auto; max-width: 45%; }
dl { margin: 0; display: flex; flex-wrap: wrap; gap: 1mm 6mm; flex: 1 1 0; }
dl > div { display: flex; gap: 1.5mm; max-width: 100%; }
dt { font-weight: 700; color: #4f46e5; white-space: nowrap; }
dt::after { content: ':'; }
dd { margin: 0; color: #374151; }
table.map { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.lane-col { width: 27mm; }
th, td { border: 0.6pt solid #d1d5db; vertical-align: top; text-align: start; }
thead th { background: #eef2ff; color: #312e81; font-size: 9pt; font-weight: 700; padding: 1.2mm 2mm; }
thead th.corner { background: #fff; border-top-color: #fff; border-inline-start-color: #fff; }
.step { display: inline-block; min-width: 4.2mm; height: 4.2mm; margin-inline-end: 1.5mm; border-radius: 50%;
  background: #4f46e5; color: #fff; font-size: 7pt; line-height: 4.2mm; text-align: center; }
tbody th { background: #f9fafb; font-weight: 600; font-size: 8pt; color: #374151; padding: 1.1mm 2mm;
  border-inline-start: 2.5pt solid var(--lane); }
td { padding: 1mm; height: 6mm; }
tr { break-inside: avoid; }
ul { margin: 0; padding: 0; list-style: none; }
.items > li { background: #f9fafb; border: 0.5pt solid #e5e7eb; border-inline-start: 2.5pt solid var(--lane);
  border-radius: 1.2mm; padding: 0.8mm 1.4mm; margin-bottom: 0.8mm; overflow-wrap: anywhere; break-inside: avoid; }
.items > li:last-child { margin-bottom: 0; }
.title { font-weight: 600; }
.votes { display: inline-block; margin-inline-start: 1.5mm; padding: 0 1.3mm; border-radius: 2mm;
  background: var(--lane); color: #fff; font-size: 6.5pt; font-weight: 600; white-space: nowrap; }
.notes { margin-top: 0.4mm; color: #4b5563; font-size: 7pt; }
.notes li { padding-inline-start: 2.4mm; position: relative; }
.notes li::before { content: '•'; position: absolute; inset-inline-start: 0; color: #9ca3af; }
.metric { margin-top: 0.4mm; font-size: 7pt; color: #1e3a8a; }
.metric span { white-space: nowrap; }
tr.curve td { padding: 0; height: auto; }
tr.curve th { --lane: #4f46e5; }
tr.curve svg { display: block; width: 100%; }
tr { --lane: #6b7280; }
.lane-action { --lane: #475569; } .lane-need { --lane: #0e7490; } .lane-question { --lane: #7c3aed; }
.lane-touchpoint { --lane: #2563eb; } .lane-emotion { --lane: #d97706; } .lane-pain { --lane: #dc2626; }
.lane-motivation { --lane: #db2777; } .lane-opportunity { --lane: #16a34a; } .lane-metric { --lane: #1e40af; }
.lane-owner { --lane: #57534e; }
`
