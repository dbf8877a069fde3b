// The Arabic interface speaks to the reader and about the people on the board without presuming anyone's
// gender: instructions and buttons are verbal nouns (نسخ الرابط، إضافة ملاحظة), hints are passive or
// impersonal, roles are nouns (دور التيسير، المشاركة), and no verb agrees with a {name}. And "share"
// is worded so that it cannot be mistaken for "participant" (مشاركة / مشارك).
import { describe, expect, it } from 'vitest'
import { ar } from '../../client/src/i18n/ar.js'
import { fa } from '../../client/src/i18n/fa.js'
import type { Message } from '../../client/src/i18n/en.js'

/** Every text of a message: the string, or each of its plural forms. */
const texts = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => !!v))
const all: [key: string, text: string][] = Object.entries(ar).flatMap(([k, m]) => texts(m).map((t) => [k, t] as [string, string]))

/** Without tashkeel and tatweel, so that "حدِّث" and "حدث" compare alike. */
const bare = (s: string) => s.replace(/[\u064B-\u065F\u0670\u0640]/g, '')
/** `word` as a whole word of `text`, maybe after و or ف (Arabic letters have no \b), ignoring tashkeel. */
const hasWord = (text: string, word: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}])[وف]?${bare(word)}(?![\\p{L}\\p{M}])`, 'u').test(bare(text))

// Forms that were in the catalogue and address the reader in the masculine: imperatives (a woman is
// told اكتبي، انسخي…), second-person present verbs (ستواصلين، أتحذفين…), and agreeing adjectives.
const masculineAddress = [
  'اكتب', 'انسخ', 'أضف', 'احذف', 'أنشئ', 'افتح', 'انضم', 'ابدأ', 'اكشف', 'اجمع', 'انقل', 'اسحب', 'حرّك',
  'حدِّث', 'قيِّم', 'سمِّ', 'راجع', 'اختر', 'وزّع', 'حدّد', 'دع', 'أرسله', 'احتفظ', 'تحقّق', 'أعد', 'حاول',
  'سلّم', 'أزل', 'ارفع', 'أنزل', 'امسح', 'اعتمد', 'حرّر', 'أنهِ', 'أخرجها', 'قدِّم', 'أخِّر', 'ادعُ', 'شارك',
  'فاطلب', 'اجعله', 'اجعل', 'أتحذف', 'أتزيل', 'أتسلّم', 'ستواصل', 'تشاهد', 'لتنضم', 'لتسحبه', 'لتمنحه',
  'تمنحها', 'مشاركًا', 'ميسِّرًا',
]

// Ways of speaking about a {name} or {names} that presume a man (or, in the plural, a group of men).
const masculineThirdPerson: [what: string, pattern: RegExp][] = [
  ['a present-tense verb right after the name ({names} يكتب…)', /\{names?\}\s+ي/u],
  ['a masculine pronoun after the name ({name} هو…)', /\{names?\}\s+هو(?![\p{L}])/u],
  ['a masculine verb right before the name (سيقود {name}، لن يتمكن {name}، أُزيل {name})', /(?<![\p{L}\p{M}])(س?ي\p{L}[\p{L}\p{M}]*|لن\s+ي[\p{L}\p{M}]+|أُزيل)\s+\{names?\}/u],
  ['"his notes" about the named person', /ملاحظاته(?![\p{L}])/u],
  ['"in your capacity as a (male) participant"', /بصفتك/u],
]

describe('the Arabic interface addresses everyone alike', () => {
  it('does not address the reader in the masculine', () => {
    const found = all.flatMap(([key, text]) => masculineAddress.filter((w) => hasWord(text, w)).map((w) => `${key}: ${w} in «${text}»`))
    expect(found).toEqual([])
  })

  it('does not presume the gender of a named person', () => {
    const found = all.flatMap(([key, text]) =>
      masculineThirdPerson.filter(([, re]) => re.test(text)).map(([what]) => `${key}: ${what} in «${text}»`),
    )
    expect(found).toEqual([])
  })

  it('says who is typing without a verb agreeing with them', () => {
    for (const text of texts(ar['note.typing'])) {
      expect(text).toContain('{names}')
      expect(text).not.toMatch(/يكتب/)
    }
  })

  // A crude Arabic stem: no tashkeel, no article, no participle mīm, no feminine or plural ending.
  const stem = (w: string) =>
    bare(w)
      .replace(/^(و|ف|ب|ل)?ال/, '')
      .replace(/^م/, '')
      .replace(/(ة|ين|ون|ات)$/, '')
  const stems = (s: string) => (s.match(/[\p{L}\p{M}]+/gu) ?? []).map(stem).filter((w) => w.length > 1)

  it('words "share" so that it cannot be taken for "participant"', () => {
    const participant = stems(ar['role.participant'] as string)
    for (const key of ['board.share', 'board.shareHeading'] as const) {
      const share = stems(ar[key] as string)
      for (const s of share) for (const p of participant) expect(s.includes(p) || p.includes(s), `${key}: ${s} ~ ${p}`).toBe(false)
      expect(ar[key]).not.toContain('شارك')
    }
  })

  it('keeps "share" and "participant" apart in Persian too', () => {
    const words = (s: string) => s.split(/[\s\u200c]+/).filter(Boolean)
    const participant = words(fa['role.participant'] as string)
    for (const w of words(fa['board.share'] as string)) expect(participant).not.toContain(w)
  })
})
