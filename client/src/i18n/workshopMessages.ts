// Messages of the workshop part of the interface, in every language; spread into en.ts, ar.ts and fa.ts.
// Kept apart so that work on the workshop does not edit the same lines as work elsewhere.
import type { Message } from './en.js'

const en = {
  'workshop.placeholder': 'Workshop',
} as const

type Part = Record<keyof typeof en, Message>

export const workshopMessages: { en: typeof en; ar: Part; fa: Part } = {
  en,
  ar: {
    'workshop.placeholder': 'Workshop',
  },
  fa: {
    'workshop.placeholder': 'Workshop',
  },
}
