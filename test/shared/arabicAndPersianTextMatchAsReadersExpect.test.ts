// Search matches Arabic, Persian and English the way their readers expect (shared/textMatch.ts).
import { describe, expect, it } from 'vitest'
import { fold, foldWithMap, holdsWords, matchRanges, matches, queryWords, rangesOf } from '../../shared/textMatch.js'

const marked = (text: string, query: string) =>
  matchRanges(text, query).reduceRight((t, [a, b]) => `${t.slice(0, a)}[${t.slice(a, b)}]${t.slice(b)}`, text)

describe('text matching', () => {
  it('treats the Arabic and Persian forms of yeh and kaf as the same', () => {
    expect(matches('کتاب راهنمای مشتری', 'كتاب')).toBe(true)
    expect(matches('كتاب دليل العميل', 'کتاب')).toBe(true)
    expect(matches('مشتری', 'مشتري')).toBe(true)
    expect(matches('على الموقع', 'علي')).toBe(true) // alef maksura
  })

  it('ignores hamza and madda on alef, teh marbuta against heh, diacritics and tatweel', () => {
    expect(matches('إعلان على إنستغرام', 'اعلان')).toBe(true)
    expect(matches('آخر خطوة', 'اخر')).toBe(true)
    expect(matches('خدمة العملاء', 'خدمه')).toBe(true)
    expect(matches('مُشْتَرِك جديد', 'مشترك')).toBe(true)
    expect(matches('الشـــراء', 'الشراء')).toBe(true)
    expect(matches('خانهٔ اول', 'خانه')).toBe(true)
  })

  it('ignores zero-width non-joiners, and reads Arabic-Indic, Persian and Latin digits alike', () => {
    expect(matches('می‌خواهد سفارش بدهد', 'میخواهد')).toBe(true)
    expect(matches('بعد از ۳ روز', '3 روز')).toBe(true)
    expect(matches('بعد ٣ أيام', '۳')).toBe(true)
    expect(matches('order 30', '٣٠')).toBe(true)
  })

  it('folds case and accents in Latin text, and needs every word of the query', () => {
    expect(matches('Café checkout FAILED twice', 'cafe failed')).toBe(true)
    expect(matches('Café checkout FAILED twice', 'cafe refund')).toBe(false)
    expect(matches('anything', '   ')).toBe(true)
  })

  it('does not match what only looks alike', () => {
    expect(matches('کتاب', 'کباب')).toBe(false)
    expect(matches('دفع', 'رفع')).toBe(false)
    expect(fold('سلام')).not.toBe(fold('سلم'))
  })

  it('finds a word with the article after the preposition that drops its alef, and only at a word start', () => {
    expect(matches('شكرًا للدعم الفني', 'الدعم')).toBe(true)
    expect(matches('وللدعم دور كبير', 'الدعم')).toBe(true)
    expect(matches('ترجمة للغة العربية', 'اللغة')).toBe(true) // ل + اللغة is written للغة
    expect(matches('بالدعم والكتاب', 'الدعم الكتاب')).toBe(true) // other particles keep the article
    expect(matches('مللدعم', 'الدعم')).toBe(false) // inside another word, it is not the preposition
    expect(matches('لدعم العملاء', 'الدعم')).toBe(false) // no article: a different reading
    expect(matches('للدفع', 'الدعم')).toBe(false)
    expect(marked('شكرًا للدعم', 'الدعم')).toBe('شكرًا ل[لدعم]')
  })

  it('matches text folded once against the words of a query, as many notes are searched', () => {
    const note = 'سبد خرید را نیمه‌کاره رها می‌کند'
    const folded = foldWithMap(note)
    expect(holdsWords(folded.folded, queryWords('نیمهکاره رها'))).toBe(true)
    expect(holdsWords(folded.folded, queryWords('نیمهکاره پرداخت'))).toBe(false)
    expect(holdsWords(folded.folded, [])).toBe(true)
    expect(rangesOf(note, folded, queryWords('رها'))).toEqual(matchRanges(note, 'رها'))
  })

  it('marks the matched words in the original text, marks and joiners included', () => {
    expect(marked('إعلان على إنستغرام', 'اعلان')).toBe('[إعلان] على إنستغرام')
    expect(marked('می‌خواهد سفارش بدهد و می‌خواهد', 'میخواهد')).toBe('[می‌خواهد] سفارش بدهد و [می‌خواهد]')
    expect(marked('مُشْتَرِكٌ', 'مشترك')).toBe('[مُشْتَرِكٌ]')
    expect(marked('Pay by card 💳 failed', 'card failed')).toBe('Pay by [card] 💳 [failed]')
    expect(marked('no match here', 'absent')).toBe('no match here')
  })
})
