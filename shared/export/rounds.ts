// Every voting round's results in the exports, when the workshop voted in more than one round: in Markdown a
// line per round with its settings and a table with a column per round; in CSV a column of votes per round
// beside each map item.
import { NOTE_KINDS } from '../schema.js'
import { countOf } from '../workshop.js'
import type { MapItem } from '../journeyMap.js'
import type { RoundResults } from '../votingRounds.js'
import { escapeMarkdown as md } from './escape.js'
import type { ExportLabels } from './labels.js'

/** A round's name, or for the first round (which nobody named) its number. */
export const roundLabel = (r: RoundResults, index: number, labels: ExportLabels) => r.name.trim() || labels.round(index + 1)

/** Its budget and cap, what it was on, and its budgets per kind. */
export function roundSettings(r: RoundResults, labels: ExportLabels): string {
  const kinds = NOTE_KINDS.filter((k) => r.kindBudgets?.[k] !== undefined).map((k) => `${labels.kinds[k]}: ${r.kindBudgets![k]}`)
  return [labels.roundBudget(r.budget, r.maxPerItem), r.items ? labels.roundTop(r.items.length) : '', kinds.join(' · ')]
    .filter(Boolean)
    .join('; ')
}

export function roundsMarkdown(rounds: readonly RoundResults[], labels: ExportLabels): string[] {
  const out = [`## ${labels.votingRounds}`, '']
  rounds.forEach((r, i) => out.push(`- **${md(roundLabel(r, i, labels))}:** ${md(roundSettings(r, labels))}`))
  out.push('', `| # | ${rounds.map((r, i) => md(roundLabel(r, i, labels))).join(' | ')} |`, `| ---: |${' --- |'.repeat(rounds.length)}`)
  const rows = Math.max(0, ...rounds.map((r) => r.ranked.length))
  for (let row = 0; row < rows; row++) {
    const cells = rounds.map((r) => {
      const item = r.ranked[row]
      return item ? `${md(item.title) || '—'} (${labels.votes(item.votes)})` : ''
    })
    out.push(`| ${row + 1} | ${cells.join(' | ')} |`)
  }
  out.push('')
  return out
}

/** The CSV's header for each round (English, like the others, with the round's own name). */
export const roundCsvHeaders = (rounds: readonly RoundResults[], labels: ExportLabels) =>
  rounds.map((r, i) => `votes: ${roundLabel(r, i, labels)}`)

/** An item's votes in each round; empty where its source was not voted on in that round (a top-N round it was
 *  not in, or an item of the map's own). */
export function roundCsvValues(rounds: readonly RoundResults[], item: MapItem): string[] {
  const voted = item.sourceKind === 'cluster' || item.sourceKind === 'note'
  return rounds.map((r) => (voted && (!r.items || r.items.includes(item.sourceId)) ? String(countOf(r.tally, item.sourceId)) : ''))
}
