// Similar notes are found the way readers of Arabic, Persian and English expect (shared/similar.ts): the
// same word in another spelling, form or script variant counts as the same, a word that only looks alike
// does not, and the board's index follows every note as it is added, edited and deleted.
import { describe, expect, it } from 'vitest'
import { createSimilarIndex, suggestGroups } from '../../shared/similar.js'
import { noteWords, sharedWordRanges, stemEnglish } from '../../shared/similarWords.js'
import { generatedBoard } from './fixtures/similarScores.js'

const same = (a: string, b: string) => expect(noteWords(a)).toEqual(noteWords(b))

describe('the words notes are compared by', () => {
  it('folds letter forms, diacritics, tatweel and digits before anything else', () => {
    same('كتاب', 'کتاب')
    same('خدمةُ العملاءِ', 'خدمه العملاء')
    same('الـتـطـبـيـق', 'التطبيق')
    same('بعد ٣ أيام', 'بعد 3 ايام')
    same('بعد ۳ روز', 'بعد 3 روز')
    same('Café', 'cafe')
  })

  it('strips the Arabic article, its clitics and common suffixes', () => {
    same('الطلب', 'طلب')
    same('بالبطاقة', 'بطاقة')
    same('والتطبيق', 'تطبيق')
    same('المنافسين', 'منافس')
    same('أسعارنا', 'الأسعار')
    same('الإشعارات', 'إشعار')
    same('يومين', 'يوم')
    expect(noteWords('بطاقة')).toEqual(['بطاق'])
    // Three letters stay three: no root is cut.
    expect(noteWords('وصل')).toEqual(['وصل'])
  })

  it('reads Persian plurals, می/نمی and the zero-width non-joiner as readers do', () => {
    same('کتاب‌ها', 'کتابها')
    same('کتابها', 'کتاب')
    same('خریدهای', 'خرید')
    same('می‌خواهد', 'میخواهد')
    same('مشتریان', 'مشتری')
    same('پشتیبانی تلفنی جواب نمی‌دهد', 'پشتیبانی تلفنی جواب نمیدهد')
    // Negation is kept, in any language, so that "answers" and "doesn't answer" differ.
    expect(noteWords('نمی‌دهد')).toContain('¬')
    expect(noteWords("doesn't answer")).toEqual(['¬', 'answer'])
    expect(noteWords('لا يرد')).toEqual(['¬', 'يرد'])
  })

  it('stems English like Porter, lightly', () => {
    expect(['crashes', 'crashed', 'crashing', 'crash'].map(stemEnglish)).toEqual(['crash', 'crash', 'crash', 'crash'])
    expect(['delivery', 'deliveries', 'delivered'].map(stemEnglish)).toEqual(['deliver', 'deliver', 'deliver'])
    expect(['replied', 'replies', 'reply'].map(stemEnglish)).toEqual(['repl', 'repl', 'repl'])
    expect(stemEnglish('centre')).toBe(stemEnglish('center'))
    expect(stemEnglish('stopped')).toBe(stemEnglish('stop'))
    same('sign-up', 'signup')
    same('e-mail', 'email')
    expect(noteWords('password-reset')).toEqual(['password', 'reset'])
  })

  it('drops stop words in each language, and splits Arabic script from Latin in one word', () => {
    expect(noteWords('the app is too slow')).toEqual(['app', 'slow'])
    expect(noteWords('في الموقع')).toEqual(['موقع'])
    expect(noteWords('در سایت')).toEqual(['سايت'])
    expect(noteWords('الـcheckout')).toEqual(['checkout'])
  })

  it('highlights the words a suggestion shares with what is typed, in the original text', () => {
    const text = 'خدمةُ العملاء لا تردّ على الهاتف'
    const marked = sharedWordRanges(text, 'العملاء ينتظرون على الهاتف كثيرا').map(([a, b]) => text.slice(a, b))
    expect(marked).toEqual(['العملاء', 'الهاتف'])
    expect(sharedWordRanges('کتاب راهنما', 'كتاب').map(([a, b]) => 'کتاب راهنما'.slice(a, b))).toEqual(['کتاب'])
  })
})

describe('the index of a board', () => {
  it('finds a note in another spelling, and not a word that only looks alike', () => {
    const index = createSimilarIndex()
    index.set('n1', 'كتاب الإرشادات غير مفهوم')
    index.set('n2', 'کباب المطعم بارد')
    index.set('n3', 'رسوم الشحن غير واضحة')
    expect(index.similarTo('کتاب الارشادات غیر مفهوم').map((m) => m.id)).toEqual(['n1'])
    expect(index.similarTo('کتاب')[0]?.id).toBe('n1')
    expect(index.similarTo('كباب').map((m) => m.id)).toEqual(['n2'])
    expect(index.similarTo('')).toEqual([])
    expect(index.similarTo('the of and')).toEqual([])
  })

  it('ranks the closest first, keeps at most k, and drops what scores under the threshold', () => {
    const index = createSimilarIndex()
    index.sync([
      { id: 'a', text: 'Card payment failed twice' },
      { id: 'b', text: 'Card payment failed' },
      { id: 'c', text: 'Payment page is slow' },
      { id: 'd', text: 'Live chat closed on weekends' },
    ])
    const found = index.similarTo('card payment failed twice', 5)
    expect(found.map((m) => m.id)).toEqual(['a', 'b'])
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score)
    expect(index.similarTo('card payment failed twice', 1).map((m) => m.id)).toEqual(['a'])
    expect(index.similarTo('card payment failed twice', 5, { threshold: 0.99 }).map((m) => m.id)).toEqual(['a'])
    expect(index.similarTo('card payment failed twice', 5, { skip: (id) => id === 'a' }).map((m) => m.id)).toEqual(['b'])
  })

  it('follows notes as they are added, edited and deleted', () => {
    const index = createSimilarIndex()
    index.sync([{ id: 'a', text: 'Order arrived broken' }])
    expect(index.similarTo('order arrived broken').map((m) => m.id)).toEqual(['a'])
    index.sync([{ id: 'a', text: 'Support answered fast' }, { id: 'b', text: 'The order arrived broken' }])
    expect(index.similarTo('order arrived broken').map((m) => m.id)).toEqual(['b'])
    index.sync([{ id: 'a', text: 'Support answered fast' }])
    expect(index.similarTo('order arrived broken')).toEqual([])
    expect(index.size).toBe(1)
    // A slot given back is used again, and the rest stays as it was.
    index.set('c', 'Order arrived broken again')
    expect(index.similarTo('support answered fast').map((m) => m.id)).toEqual(['a'])
    expect(index.similarTo('order arrived broken').map((m) => m.id)).toEqual(['c'])
  })
})

describe('pairs on a large board', () => {
  it('finds every pair a note-by-note search finds, though frequent features are only added where a rarer one led', () => {
    const board = generatedBoard(400)
    const index = createSimilarIndex()
    index.sync(board)
    const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`)
    const exact = new Set<string>()
    for (const n of board) {
      for (const m of index.similarTo(n.text, Infinity, { threshold: 0.5, skip: (id) => id === n.id })) exact.add(key(n.id, m.id))
    }
    const pairs = new Set(index.pairs(0.5).map(([a, b]) => key(a, b)))
    expect(exact.size).toBeGreaterThan(100)
    expect([...pairs].sort()).toEqual([...exact].sort())
  })

  it('still groups a note written forty times in nothing but frequent words', () => {
    const notes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, stageId: 's', text: 'The app is slow' }))
    expect(suggestGroups(notes).map((g) => g.noteIds.length)).toEqual([40])
  })
})

describe('suggested groups', () => {
  const note = (id: string, stageId: string, text: string, clusterId: string | null = null) => ({ id, stageId, text, clusterId })

  it('groups near-duplicates within and across stages, into the stage most of them are in', () => {
    const groups = suggestGroups([
      note('1', 'exp', 'الطلب وصل متأخرا'),
      note('2', 'exp', 'وصل الطلب متأخراً'),
      note('3', 'loyal', 'الطلب وصل متاخرا'),
      note('4', 'exp', 'Support answered fast'),
      note('5', 'loyal', 'Support answers fast'),
      note('6', 'decide', 'Wants to pay in instalments'),
    ])
    expect(groups).toHaveLength(2)
    expect(groups.find((g) => g.noteIds.includes('1'))).toMatchObject({ noteIds: ['1', '2', '3'], stageId: 'exp', acrossStages: true, clusterId: null })
    // A tie: the stage of the note written first.
    expect(groups.find((g) => g.noteIds.includes('4'))).toMatchObject({ noteIds: ['4', '5'], stageId: 'exp', acrossStages: true })
  })

  it('offers a note to the cluster it duplicates, in that cluster’s stage, and never a cluster again on its own', () => {
    const notes = [
      note('1', 'decide', 'الدفع بالبطاقة فشل مرتين', 'k'),
      note('2', 'decide', 'فشل الدفع بالبطاقه مرتين', 'k'),
      note('3', 'exp', 'فشل الدفع بالبطاقة مرتين'),
      note('4', 'exp', 'فشل الدفع بالبطاقة مرتين'),
    ]
    expect(suggestGroups(notes)).toEqual([expect.objectContaining({ noteIds: ['1', '2', '3', '4'], stageId: 'decide', clusterId: 'k', acrossStages: true })])
    expect(suggestGroups(notes.slice(0, 2))).toEqual([])
  })

  it('does not put two existing clusters together', () => {
    const groups = suggestGroups([
      note('1', 's', 'Live chat closed on weekends', 'k1'),
      note('2', 's', 'Live chat is closed on weekends', 'k2'),
    ])
    expect(groups).toEqual([])
  })

  it('keeps loosely alike notes apart: the average of all pairs decides, not a chain', () => {
    const groups = suggestGroups([
      note('1', 's', 'Card payment failed twice'),
      note('2', 's', 'Card payment failed twice at checkout'),
      note('3', 's', 'Checkout page slow on mobile'),
      note('4', 's', 'Checkout page slow on mobile phones'),
    ])
    expect(groups.map((g) => g.noteIds)).toEqual(expect.arrayContaining([['1', '2'], ['3', '4']]))
    expect(groups).toHaveLength(2)
  })
})
