// Matching text the way readers of Arabic, Persian and English expect, for search and for finding similar
// notes (issue 15): the Arabic and Persian forms of yeh and kaf, alef with hamza or madda, teh marbuta and
// heh, diacritics, tatweel, zero-width joiners and non-joiners, and Arabic-Indic, Persian and Latin digits
// count as the same, as do Latin letters with and without accents and in either case. So «كتاب» finds «کتاب».

/** One character to what it is compared as ('' to drop it). */
const FOLD: Record<string, string> = {
  'ی': 'ي', 'ى': 'ي', 'ئ': 'ي', 'ې': 'ي', // Persian yeh, alef maksura, yeh with hamza
  'ک': 'ك', 'ڪ': 'ك', // Persian kaf, swash kaf
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', // alef with hamza, madda, wasla
  'ؤ': 'و',
  'ة': 'ه', 'ۀ': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ە': 'ه', // teh marbuta, heh forms
  'ـ': '', // tatweel
  '\u200c': '', '\u200d': '', '\u200e': '', '\u200f': '', '\u2066': '', '\u2067': '', '\u2068': '', '\u2069': '',
}
// Arabic diacritics (harakat, shadda, sukun, small high letters, superscript alef).
const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/
const LATIN_MARKS = /[\u0300-\u036f]/g

// Each character is folded once: a board's first search folds every note, a thousand of them at a keystroke.
const folds = new Map<string, string>()
function foldChar(c: string): string {
  let f = folds.get(c)
  if (f === undefined) folds.set(c, (f = foldNew(c)))
  return f
}

function foldNew(c: string): string {
  if (c in FOLD) return FOLD[c]!
  if (MARKS.test(c)) return ''
  const code = c.charCodeAt(0)
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660) // Arabic-Indic digits
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0) // Persian digits
  if (/\s/.test(c)) return ' '
  return c.normalize('NFKD').replace(LATIN_MARKS, '').toLowerCase()
}

/** The text as it is compared, and for each of its characters the index in the original it came from. */
export function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = ''
  const from: number[] = []
  let i = 0
  for (const c of text) {
    let f = foldChar(c)
    // Runs of space count as one.
    if (f === ' ' && (folded.endsWith(' ') || folded === '')) f = ''
    // One entry per UTF-16 unit, as indexOf counts them (an emoji is two).
    folded += f
    for (let k = 0; k < f.length; k++) from.push(i)
    i += c.length
  }
  return { folded, from }
}

/** The text as it is compared. */
export const fold = (text: string): string => foldWithMap(text).folded.trimEnd()

/** The words of a query, folded; a text matches when it holds every one of them. */
export const queryWords = (query: string): string[] => fold(query).split(' ').filter(Boolean)

const LETTER = /\p{L}/u
const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c)
/** Whether `at` starts a word of `folded`, or follows a one-letter conjunction (و, ف) that does. */
const wordStart = (folded: string, at: number) =>
  !isLetter(folded[at - 1]) || ((folded[at - 1] === 'و' || folded[at - 1] === 'ف') && !isLetter(folded[at - 2]))

/** The first place at or after `from` where a folded query word is in folded text, as [start, end), or null.
 *  Prefixed particles stay matched because a word is found inside another (بالدعم, والكتاب), but for one:
 *  the preposition لـ drops the article's alef (ل + الدعم is written للدعم, and ل + اللغة للغة), so a word
 *  with the article is also found so at the start of a word; the match starts after the preposition. */
function placeOf(folded: string, word: string, from: number): [number, number] | null {
  const at = folded.indexOf(word, from)
  let best: [number, number] | null = at < 0 ? null : [at, at + word.length]
  if (word.length > 2 && word.startsWith('ال')) {
    const elided = 'ل' + word.slice(word[2] === 'ل' ? 2 : 1)
    for (let e = folded.indexOf(elided, from); e >= 0 && (!best || e + 1 < best[0]); e = folded.indexOf(elided, e + 1)) {
      if (wordStart(folded, e)) {
        best = [e + 1, e + elided.length]
        break
      }
    }
  }
  return best
}

/** Whether folded text (fold or foldWithMap) holds every folded word (queryWords): for searching many
 *  notes, each folded once. */
export const holdsWords = (folded: string, words: readonly string[]): boolean => words.every((w) => placeOf(folded, w, 0) !== null)

/** Whether `text` holds every word of `query` (an empty query matches everything). */
export const matches = (text: string, query: string): boolean => holdsWords(fold(text), queryWords(query))

const COMBINING = /\p{M}/u

/** The [start, end) range of `text` that the folded characters [at, stop) came from (`from`, as foldWithMap
 *  gives it): the end is past the whole original character of the last one, and past the marks that belong
 *  to it (a shadda, a kasra, a combining accent), which are highlighted with their letter. */
export function originalRange(text: string, from: readonly number[], at: number, stop: number): [number, number] {
  const last = from[stop - 1]!
  let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1)
  while (end < text.length && COMBINING.test(text[end]!)) end++
  return [from[at]!, end]
}

/** Where folded words are in `text` (folded once with foldWithMap), as [start, end) ranges of the original
 *  text, in order and merged where they touch, for highlighting; empty when not every word is there. */
export function rangesOf(text: string, { folded, from }: { folded: string; from: number[] }, words: readonly string[]): [number, number][] {
  const ranges: [number, number][] = []
  for (const w of words) {
    let place = placeOf(folded, w, 0)
    if (!place) return []
    while (place) {
      const [at, stop] = place
      ranges.push(originalRange(text, from, at, stop))
      place = placeOf(folded, w, stop)
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged.at(-1)
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  return merged
}

/** Where the words of `query` are in `text`, as rangesOf says. */
export const matchRanges = (text: string, query: string): [number, number][] => {
  const words = queryWords(query)
  return words.length ? rangesOf(text, foldWithMap(text), words) : []
}
