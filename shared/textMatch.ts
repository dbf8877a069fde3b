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

function foldChar(c: string): string {
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

/** Whether `text` holds every word of `query` (an empty query matches everything). */
export function matches(text: string, query: string): boolean {
  const words = queryWords(query)
  if (!words.length) return true
  const folded = fold(text)
  return words.every((w) => folded.includes(w))
}

/** Where the words of `query` are in `text`, as [start, end) ranges of the original text, in order and
 *  merged where they touch, for highlighting; empty when not every word is there. */
export function matchRanges(text: string, query: string): [number, number][] {
  const words = queryWords(query)
  if (!words.length) return []
  const { folded, from } = foldWithMap(text)
  const ranges: [number, number][] = []
  for (const w of words) {
    let at = folded.indexOf(w)
    if (at < 0) return []
    while (at >= 0) {
      const start = from[at]!
      const lastIndex = from[at + w.length - 1]!
      // The end is past the whole original character the last folded one came from.
      let end = lastIndex + (text.codePointAt(lastIndex)! > 0xffff ? 2 : 1)
      // Marks that belong to the last letter (a shadda, a kasra) are highlighted with it.
      while (end < text.length && MARKS.test(text[end]!)) end++
      ranges.push([start, end])
      at = folded.indexOf(w, at + w.length)
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
