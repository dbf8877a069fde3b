// The words notes are compared by (shared/similar.ts, issue 15): text folded as search folds it
// (textMatch.ts: «كتاب» = «کتاب», digits, diacritics…), cut into words (a zero-width non-joiner parts
// Persian words, a change of script parts «الـcheckout»), stripped of stop words in Arabic, Persian and
// English, and lightly stemmed: the Arabic article and its clitics, Persian می/نمی and plural and ezafe
// endings, common Arabic suffixes, and a Porter-like English stem. Negation is kept as one token (¬) in
// every language. Libraries were weighed: none serves Persian, and the Arabic ones carry a framework.
import { foldWithMap, originalRange } from './textMatch.js'

/** Negation, the same token in every language, so that "doesn't answer" stays apart from "answers". */
const NOT = '¬'

// Stop words, as they are after folding (ي for ی and ى, ك for ک, ه for ة, ا for أ إ آ).
const STOP = new Set(
  [
    // Arabic
    'ال في من الي علي عن مع او ثم قد كل هذا هذه ذلك تلك التي الذي الذين هو هي هم انه ان كان كانت يكون جدا عند بين ' +
      'به بها له لها لهم عبر حتي ايضا اي ما لقد منذ فقط',
    // Persian (verb affixes and light verbs that a zero-width non-joiner or a space cut off included)
    'و در به از كه را با اين ان است هست هستند بود بودند شد شده شود شوند ميشود ميشوند باشد براي تا هم يك خيلي ' +
      'روي ها هاي ي اي مي اند ام كرد كرده كند كنند ميكند ميكنند دارد دارند داد دهد دهند ميدهد ديگر چه بر توسط',
    // English
    'the a an to of in on at for with is are was were be been being it its they them their our my your this that ' +
      'there these those and or by from as so too very do does did done has have had get got gets about into than ' +
      'up we us i you he she his her me what when where which who while ca wo could would should will can just ' +
      'yet also some any here',
  ]
    .join(' ')
    .split(' '),
)
const NEGATIONS = new Set(['لا', 'لم', 'لن', 'ليس', 'ليست', 'غير', 'نه', 'نمي', 'نيست', 'نبود', 'نشد', 'not', 'no', 'never', 'nothing', 'none'])

const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال']
const ARABIC_SCRIPT_SUFFIXES = ['هاي', 'ترين', 'ها', 'تر', 'ات', 'ان', 'ون', 'ين', 'يه', 'هم', 'نا', 'ه', 'ي', 'ا']

/** Light stemming of a folded Arabic or Persian word: the article and its clitics, Persian می/نمی, and up
 *  to two common suffixes, never leaving fewer than three letters (Arabic roots have three). */
function stemArabicScript(w: string): { stem: string; negated: boolean; verb: boolean } {
  let [negated, verb] = [false, false]
  const p = ARABIC_PREFIXES.find((x) => w.startsWith(x) && w.length - x.length >= 2)
  if (p) w = w.slice(p.length)
  else if (w.startsWith('نمي') && w.length >= 6) [w, negated, verb] = [w.slice(3), true, true]
  else if (w.startsWith('مي') && w.length >= 5) [w, verb] = [w.slice(2), true]
  else if (w.startsWith('و') && w.length >= 4) w = w.slice(1)
  for (let pass = 0; pass < 2; pass++) {
    // Persian ها/های mark a plural, whatever is left; other endings may be part of a short word.
    const s = ARABIC_SCRIPT_SUFFIXES.find((x) => w.endsWith(x) && w.length - x.length >= (x[0] === 'ه' && x.length > 1 ? 2 : 3))
    if (!s) break
    w = w.slice(0, -s.length)
  }
  return { stem: w, negated, verb }
}

const VOWEL = /[aeiouy]/

/** A Porter-like stem of a lower-case English word: plurals, -ed and -ing, a few derivational endings, a
 *  final e or consonant-y, British -tre; enough for short notes, and the trigrams catch the rest. */
export function stemEnglish(w: string): string {
  if (w.length <= 3) return w
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies') || w.endsWith('ied')) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  const ed = /^(.{2,}?)(ed|ing)$/.exec(w)
  if (ed && VOWEL.test(ed[1]!)) {
    w = ed[1]!
    if (/([bdfgmnprt])\1$/.test(w) || (w.length >= 6 && w.endsWith('ll'))) w = w.slice(0, -1)
  }
  for (const [end, put] of [['ational', 'ate'], ['ation', 'ate'], ['fulness', 'ful'], ['ness', ''], ['ment', ''], ['ful', ''], ['ly', '']] as const) {
    if (w.endsWith(end) && w.length - end.length >= (end === 'ly' ? 4 : 3)) {
      w = w.slice(0, -end.length) + put
      break
    }
  }
  if (/[^aeiou]re$/.test(w) && w.length > 4) w = `${w.slice(0, -2)}er`
  if (w.length > 3 && (w.endsWith('e') || /[^aeiou]y$/.test(w))) w = w.slice(0, -1)
  return w
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u
// A run of Arabic script, or of other letters and digits (a Latin word may hold ' or -): «الـcheckout» is two.
const TOKEN = /\p{Script=Arabic}+|(?:(?!\p{Script=Arabic})[\p{L}\p{N}])+(?:['’-](?:(?!\p{Script=Arabic})[\p{L}\p{N}])+)*/gu

/** The terms a folded token stands for (none for a stop word). */
function termsOfToken(token: string): string[] {
  if (ARABIC_SCRIPT.test(token)) {
    if (NEGATIONS.has(token)) return [NOT]
    if (STOP.has(token) || token.length < 2) return []
    const { stem, negated, verb } = stemArabicScript(token)
    // نمیدهد without its non-joiner: the light verb left is a stop word too.
    const words = verb && STOP.has(stem) ? [] : [stem]
    return negated ? [...words, NOT] : words
  }
  let w = token.replace(/['’]s$/, '')
  const negated = /n['’]t$/.test(w)
  if (negated) w = w.slice(0, -3)
  // "sign-up", "e-mail" are one word; "password-reset" is two.
  const parts = w.replace(/['’]/g, '').split('-')
  const words = parts.some((x) => x.length <= 2) ? [parts.join('')] : parts
  const out: string[] = []
  for (const x of words) {
    if (NEGATIONS.has(x)) out.push(NOT)
    else if (/^\d+$/.test(x)) out.push(String(Number(x)))
    else if (!STOP.has(x) && x.length >= 2) out.push(stemEnglish(x))
  }
  if (negated) out.push(NOT)
  return out
}

/** The tokens of the folded text (zero-width non-joiners part words, as Persian readers see them), and
 *  for each folded character the index in `text` it came from. */
function tokens(text: string) {
  const { folded, from } = foldWithMap(text.replace(/\u200c/g, ' '))
  return { from, found: folded.matchAll(TOKEN) }
}

/** The terms a text is compared by: its stems, and ¬ where it is negated. */
export function noteWords(text: string): string[] {
  const out: string[] = []
  for (const m of tokens(text).found) out.push(...termsOfToken(m[0]))
  return out
}

/** The character trigrams of the words, each padded with # at both ends. */
export function trigrams(words: readonly string[]): string[] {
  const out = new Set<string>()
  for (const w of words) {
    if (w === NOT) continue
    const padded = `#${w}#`
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3))
  }
  return [...out]
}

/** Where in `text` its words that `query` also has (by stem) are, as [start, end) ranges of the original
 *  text, for highlighting a suggestion. */
export function sharedWordRanges(text: string, query: string): [number, number][] {
  const wanted = new Set(noteWords(query).filter((w) => w !== NOT))
  const { from, found } = tokens(text)
  const ranges: [number, number][] = []
  for (const m of found) {
    if (termsOfToken(m[0]).some((w) => wanted.has(w))) ranges.push(originalRange(text, from, m.index, m.index + m[0].length))
  }
  return ranges
}
