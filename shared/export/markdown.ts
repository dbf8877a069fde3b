// The map as one Markdown document: the frame, then stage by stage each lane's items (most votes first, the
// cluster's notes and the metric beneath, and what people said about it), then the reactions and comments on
// notes and clusters that are not on the map, then the emotion curve as a table with a bar per stage.
import { REACTIONS, REACTION_EMOJI, type Thread } from '../discussion.js'
import type { MapItem } from '../journeyMap.js'
import type { JourneyMap, MapDiscussion } from '../readMap.js'
import { escapeMarkdown as md } from './escape.js'
import { EXPORT_LABELS, formatScore, metricName, type ExportLabels } from './labels.js'
import { roundsMarkdown } from './rounds.js'

export function toMarkdown(map: JourneyMap, labels: ExportLabels = EXPORT_LABELS.en): string {
  const out = [`# ${md(map.title) || labels.untitled}`, '']
  const f = map.frame
  const persona = [f.personaName, f.personaDescription].map(md).filter(Boolean).join(' — ')
  const facts = [[labels.persona, persona], [labels.goal, md(f.goal)], [labels.scope, md(f.scope)]].filter(([, v]) => v)
  for (const [label, value] of facts) out.push(`- **${label}:** ${value}`)
  if (facts.length) out.push('')

  for (const stage of map.stages) {
    out.push(`## ${md(stage.name)}`, '')
    const lanes = map.lanes.filter((l) => map.cells[stage.id]?.[l.id]?.length)
    if (!lanes.length) out.push(`_${labels.noItems}_`, '')
    for (const lane of lanes) {
      out.push(`### ${md(lane.name)}`, '')
      for (const item of map.cells[stage.id]![lane.id]!) out.push(...itemLines(item, labels), ...itemThreads(item, map.discussion, labels))
      out.push('')
    }
  }

  if (map.discussion) out.push(...discussionLines(map, map.discussion, labels))
  if (map.rounds) out.push(...roundsMarkdown(map.rounds, labels))

  const names = new Map(map.stages.map((s) => [s.id, s.name]))
  out.push(`## ${labels.emotionCurve}`, '', `| ${labels.stage} | ${labels.score} | |`, '| --- | ---: | --- |')
  for (const { stageId, score } of map.curve) {
    out.push(`| ${md(names.get(stageId) ?? '')} | ${score === null ? labels.notScored : formatScore(score)} | ${bar(score)} |`)
  }
  return out.join('\n') + '\n'
}

function itemLines(item: MapItem, labels: ExportLabels): string[] {
  const title = md(item.title) || '—'
  const kind = item.outcome ? `${item.outcome === 'decision' ? labels.decision : labels.step}: ` : ''
  const lines = [`- ${kind}**${title}**${item.votes > 0 ? ` (${labels.votes(item.votes)})` : ''}`]
  if (item.outcome && (item.owner || item.due)) {
    lines.push(`  - ${[item.owner ? `${labels.owner}: ${md(item.owner)}` : '', item.due ? `${labels.due}: ${item.due}` : ''].filter(Boolean).join(' · ')}`)
  }
  for (const note of item.notes) if (md(note)) lines.push(`  - ${md(note)}`)
  const m = item.metric
  if (m) {
    const values = [
      m.target !== undefined ? `${labels.target}: ${m.target}` : '',
      m.current !== undefined ? `${labels.current}: ${m.current}` : '',
    ].filter(Boolean)
    lines.push(`  - ${labels.metric}: ${md(metricName(m))}${values.length ? ` — ${values.join(' · ')}` : ''}`)
  }
  return lines
}

/** A map item's own thread and, for one promoted from a cluster or a note, that one's. */
function itemThreads(item: MapItem, d: MapDiscussion | undefined, labels: ExportLabels): string[] {
  if (!d) return []
  const source = item.sourceKind === 'cluster' || item.sourceKind === 'note' ? d.threads[item.sourceId] : undefined
  return [...(source ? threadLines(source, labels) : []), ...(Object.hasOwn(d.threads, item.id) ? threadLines(d.threads[item.id]!, labels) : [])]
}

/** The notes and clusters with reactions or comments that no map item stands for, stage by stage. */
function discussionLines(map: JourneyMap, d: MapDiscussion, labels: ExportLabels): string[] {
  const onMap = new Set(Object.values(map.cells).flatMap((lanes) => Object.values(lanes).flat())
    .filter((i) => i.sourceKind === 'cluster' || i.sourceKind === 'note').map((i) => i.sourceId))
  const items = d.items.filter((i) => !onMap.has(i.id))
  if (!items.length) return []
  const out = [`## ${labels.discussion}`, '']
  for (const stage of map.stages) {
    const here = items.filter((i) => i.stageId === stage.id)
    if (!here.length) continue
    out.push(`### ${md(stage.name)}`, '')
    for (const i of here) out.push(`- **${md(i.text) || '—'}**`, ...threadLines(d.threads[i.id]!, labels))
    out.push('')
  }
  return out
}

function threadLines(t: Thread, labels: ExportLabels): string[] {
  const given = REACTIONS.filter((r) => t.reactions[r]).map((r) => `${REACTION_EMOJI[r]} ${t.reactions[r]}`)
  const lines = given.length ? [`  - ${labels.reactions}: ${given.join(' · ')}`] : []
  for (const c of t.comments) {
    const when = `${utcTime(c.createdAt)}${c.editedAt !== undefined ? `, ${labels.edited}` : ''}`
    lines.push(`  - 💬 **${md(c.authorName) || labels.someone}** (${when}): ${md(c.text)}`)
  }
  return lines
}

/** A moment as every reader of the file reads it alike: YYYY-MM-DD HH:MM UTC. */
function utcTime(ms: number): string {
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? '—' : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` // a crafted time is no date
}

/** Half a point per block; negative scores drawn in a lighter shade, so the sign survives any text direction. */
function bar(score: number | null): string {
  if (score === null) return ''
  return (score < 0 ? '▒' : '█').repeat(Math.round(Math.abs(score) * 2))
}
