// The words that exports add around the team's own text, in the interface's languages. They live in shared/
// rather than in the client because the server renders exports (PDF, PNG) with no client at hand.
import type { Metric } from '../journeyMap.js'
import { LANE_NAMES, type DefaultLaneId } from '../lanes.js'

export interface ExportLabels {
  persona: string
  goal: string
  scope: string
  stage: string
  score: string
  emotionCurve: string
  notScored: string
  noItems: string
  metric: string
  target: string
  current: string
  untitled: string
  votes: (n: number) => string
  /** Names of the default lanes, for lanes the team never renamed. */
  lanes: Record<DefaultLaneId, string>
}

export const EXPORT_LABELS: Record<'en' | 'ar' | 'fa', ExportLabels> = {
  en: {
    persona: 'Persona', goal: 'Goal', scope: 'Scope', stage: 'Stage', score: 'Score', emotionCurve: 'Emotion curve',
    notScored: 'not scored', noItems: 'Nothing on the map yet.', metric: 'Metric', target: 'target', current: 'current',
    untitled: 'Untitled journey map', votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    lanes: LANE_NAMES.en,
  },
  ar: {
    persona: 'الشخصية', goal: 'الهدف', scope: 'النطاق', stage: 'المرحلة', score: 'الدرجة',
    emotionCurve: 'منحنى المشاعر', notScored: 'بلا تقييم', noItems: 'لا شيء في الخريطة بعد.', metric: 'المقياس', target: 'المستهدف',
    current: 'الحالي', untitled: 'خريطة رحلة بلا عنوان',
    // A count after a colon reads correctly for every number, which Arabic plural forms otherwise do not.
    votes: (n) => `الأصوات: ${n}`,
    lanes: LANE_NAMES.ar,
  },
  fa: {
    persona: 'پرسونا', goal: 'هدف', scope: 'محدوده', stage: 'مرحله', score: 'امتیاز', emotionCurve: 'منحنی احساسات',
    notScored: 'بدون امتیاز', noItems: 'هنوز چیزی روی نقشه نیست.', metric: 'شاخص', target: 'مقدار هدف', current: 'مقدار فعلی',
    untitled: 'نقشه سفر بی‌نام', votes: (n) => `${n} رأی`,
    lanes: LANE_NAMES.fa,
  },
}

export const labelsFor = (lang: string): ExportLabels =>
  EXPORT_LABELS[(Object.keys(EXPORT_LABELS) as (keyof typeof EXPORT_LABELS)[]).find((k) => lang.startsWith(k)) ?? 'en']

/** A score as people read it: signed, one decimal only when it has one. */
export const formatScore = (s: number) => (s > 0 ? `+${s}` : `${s}`)

/** What a metric measures, as one phrase: "NPS", "CSAT · delivery", or a custom metric's own name. */
export const metricName = (m: Metric) => (m.type === 'custom' ? m.name || 'custom' : m.name ? `${m.type} · ${m.name}` : m.type)
