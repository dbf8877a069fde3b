// The language a board is written in: the one stored in its meta root (the creating person's interface
// language, or the facilitator's choice since), else, for boards made before boards had one, a guess from
// its text. Exports without a language of their own use it, for their labels and their direction.
import type * as Y from 'yjs'
import { readBoard, readBoardLang, type BoardLang } from './schema.js'

/** A guess from the title, the stages and the first notes: Arabic-script letters against Latin ones decide
 *  between English and the others, and one of the letters Persian has and Arabic lacks (پ چ ژ گ) makes it
 *  Persian. Only for boards that store no language: a single Persian note on an Arabic board tips it. */
export function guessBoardLang(doc: Y.Doc): BoardLang {
  const b = readBoard(doc)
  const text = [b.title, ...b.stages.map((s) => s.name), ...b.notes.slice(0, 200).map((n) => n.text)].join(' ')
  const arabicScript = (text.match(/[\u0600-\u06FF]/g) ?? []).length
  const latin = (text.match(/[A-Za-z]/g) ?? []).length
  if (arabicScript <= latin) return 'en'
  return /[پچژگ]/.test(text) ? 'fa' : 'ar'
}

/** The board's language: stored, else guessed. */
export const boardLang = (doc: Y.Doc): BoardLang => readBoardLang(doc) ?? guessBoardLang(doc)

export const BOARD_LANG_DIR: Record<BoardLang, 'ltr' | 'rtl'> = { en: 'ltr', ar: 'rtl', fa: 'rtl' }
