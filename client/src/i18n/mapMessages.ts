// Messages of the map part of the interface, in every language; spread into en.ts, ar.ts and fa.ts.
// Kept apart so that work on the map does not edit the same lines as work elsewhere.
import type { Message } from './en.js'

const en = {
  'map.placeholder': 'Map',
} as const

type Part = Record<keyof typeof en, Message>

export const mapMessages: { en: typeof en; ar: Part; fa: Part } = {
  en,
  ar: {
    'map.placeholder': 'Map',
  },
  fa: {
    'map.placeholder': 'Map',
  },
}
