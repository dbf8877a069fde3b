// Every language has every message with the same placeholders, every plural message an `other` form,
// and the default stages come in each language.
import { describe, expect, it } from 'vitest'
import { LOCALES, pickLocale } from '../../client/src/i18n/locales.js'
import { en as english, type Message, type MessageKey } from '../../client/src/i18n/en.js'

const placeholders = (m: Message) =>
  [...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? [])]
    .filter((p) => p !== '{count}')
    .sort()

describe('message catalogues', () => {
  const others = LOCALES.filter((l) => l.code !== 'en')
  for (const l of others) {
    it(`${l.code} has the same messages and placeholders as English`, () => {
      expect(Object.keys(l.messages).sort()).toEqual(Object.keys(english).sort())
      for (const [key, msg] of Object.entries(english) as [MessageKey, Message][]) {
        expect(placeholders(l.messages[key]), key).toEqual(placeholders(msg))
        if (typeof msg !== 'string') expect(l.messages[key], key).toHaveProperty('other')
      }
      expect(l.defaultStages).toHaveLength(5)
      expect(l.dir).toBe('rtl')
    })
  }

  it('picks the first preferred language it has, else English', () => {
    expect(pickLocale(['de-DE', 'fa-IR', 'ar']).code).toBe('fa')
    expect(pickLocale(['ar-EG']).code).toBe('ar')
    expect(pickLocale(['de']).code).toBe('en')
  })
})
