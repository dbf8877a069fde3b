// The words that exports add around the team's own text, in the interface's languages. They live in shared/
// rather than in the client because the server renders exports (PDF, PNG) with no client at hand.
import type { Metric } from '../journeyMap.js'
import type { NoteKind } from '../schema.js'
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
  /** Voting rounds, when there were several: the section's heading, a round without a name (the first), its
   *  budget and cap, a round on the top items of the one before, and the kinds of note a budget is for. */
  votingRounds: string
  round: (n: number) => string
  roundBudget: (budget: number, max: number) => string
  roundTop: (n: number) => string
  kinds: Record<NoteKind, string>
  /** A decision or next step of the discuss phase (shared/outcomes.ts), and who owns it by when. */
  decision: string
  step: string
  owner: string
  due: string
  /** Reactions and comments (shared/discussion.ts): the section of the notes and clusters not on the map that
   *  have some, the reactions' line, a comment changed since it was written, and an author the board no longer
   *  knows (an imported board keeps no people). */
  discussion: string
  reactions: string
  edited: string
  someone: string
  /** Names of the default lanes, for lanes the team never renamed. */
  lanes: Record<DefaultLaneId, string>
}

export const EXPORT_LABELS: Record<'en' | 'ar' | 'fa', ExportLabels> = {
  en: {
    persona: 'Persona', goal: 'Goal', scope: 'Scope', stage: 'Stage', score: 'Score', emotionCurve: 'Emotion curve',
    notScored: 'not scored', noItems: 'Nothing on the map yet.', metric: 'Metric', target: 'target', current: 'current',
    untitled: 'Untitled journey map', votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    votingRounds: 'Voting rounds', round: (n) => `Round ${n}`,
    roundBudget: (b, m) => `${b === 1 ? '1 vote' : `${b} votes`} each, at most ${m} on one item`,
    roundTop: (n) => `the top ${n} of the round before`,
    kinds: { action: 'Actions', touchpoint: 'Touchpoints', question: 'Questions', feeling: 'Feelings', pain: 'Pain points', idea: 'Ideas' },
    decision: 'Decision', step: 'Next step', owner: 'Owner', due: 'due',
    discussion: 'Reactions and comments', reactions: 'Reactions', edited: 'edited', someone: 'someone',
    lanes: LANE_NAMES.en,
  },
  ar: {
    persona: 'الشخصية', goal: 'الهدف', scope: 'النطاق', stage: 'المرحلة', score: 'الدرجة',
    emotionCurve: 'منحنى المشاعر', notScored: 'بلا تقييم', noItems: 'لا شيء في الخريطة بعد.', metric: 'المقياس', target: 'المستهدف',
    current: 'الحالي', untitled: 'خريطة رحلة بلا عنوان',
    // A count after a colon reads correctly for every number, which Arabic plural forms otherwise do not.
    votes: (n) => `الأصوات: ${n}`,
    votingRounds: 'جولات التصويت', round: (n) => `الجولة ${n}`,
    roundBudget: (b, m) => `الأصوات لكل شخص: ${b}، والحد الأقصى للعنصر: ${m}`,
    roundTop: (n) => `العناصر الأولى من الجولة السابقة: ${n}`,
    kinds: { action: 'الإجراءات', touchpoint: 'نقاط التواصل', question: 'الأسئلة', feeling: 'المشاعر', pain: 'نقاط الألم', idea: 'الأفكار' },
    decision: 'قرار', step: 'خطوة تالية', owner: 'المسؤول', due: 'الموعد',
    discussion: 'التفاعلات والتعليقات', reactions: 'التفاعلات', edited: 'معدَّل', someone: 'غير معروف',
    lanes: LANE_NAMES.ar,
  },
  fa: {
    persona: 'پرسونا', goal: 'هدف', scope: 'محدوده', stage: 'مرحله', score: 'امتیاز', emotionCurve: 'منحنی احساسات',
    notScored: 'بدون امتیاز', noItems: 'هنوز چیزی روی نقشه نیست.', metric: 'شاخص', target: 'مقدار هدف', current: 'مقدار فعلی',
    untitled: 'نقشه سفر بی‌نام', votes: (n) => `${n} رأی`,
    votingRounds: 'دورهای رأی‌گیری', round: (n) => `دور ${n}`,
    roundBudget: (b, m) => `${b} رأی برای هر نفر، حداکثر ${m} رأی به هر مورد`,
    roundTop: (n) => `${n} مورد برتر دور قبل`,
    kinds: { action: 'اقدامات', touchpoint: 'نقاط تماس', question: 'پرسش‌ها', feeling: 'احساسات', pain: 'نقاط درد', idea: 'ایده‌ها' },
    decision: 'تصمیم', step: 'گام بعدی', owner: 'مسئول', due: 'مهلت',
    discussion: 'واکنش‌ها و نظرها', reactions: 'واکنش‌ها', edited: 'ویرایش‌شده', someone: 'یک نفر',
    lanes: LANE_NAMES.fa,
  },
}

export const labelsFor = (lang: string): ExportLabels =>
  EXPORT_LABELS[(Object.keys(EXPORT_LABELS) as (keyof typeof EXPORT_LABELS)[]).find((k) => lang.startsWith(k)) ?? 'en']

/** A score as people read it: signed, one decimal only when it has one. */
export const formatScore = (s: number) => (s > 0 ? `+${s}` : `${s}`)

/** What a metric measures, as one phrase: "NPS", "CSAT · delivery", or a custom metric's own name. */
export const metricName = (m: Metric) => (m.type === 'custom' ? m.name || 'custom' : m.name ? `${m.type} · ${m.name}` : m.type)
