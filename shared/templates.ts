// What a new board starts from: a journey template (its stages and starter lanes, in the board's language), or
// an earlier board's shape (its stages, lanes and frame, none of its notes, clusters, votes or people).
// The server's create route (server/api.ts) writes one of these into the new board's document.
import * as Y from 'yjs'
import { FRAME_FIELDS, mapRoots, readFrame, setFrame } from './journeyMap.js'
import { addLane, initMap, readLanes, renameLane, type DefaultLaneId } from './lanes.js'
import { DEFAULT_STAGE_NAMES, addStage, initBoard, readBoard, readBoardLang, type BoardLang } from './schema.js'

/** One text in each of our languages. */
export type Words = Readonly<Record<BoardLang, string>>

export interface JourneyTemplate {
  id: TemplateId
  /** What the chooser calls it. */
  name: Words
  /** The journey it maps, in a line, under its name in the chooser. */
  summary: Words
  /** The new board's title when its maker gives none. */
  title: Words
  stages: Readonly<Record<BoardLang, readonly string[]>>
  /** Default lanes named for this journey (a default lane otherwise shows its usual name). */
  renames: Partial<Record<DefaultLaneId, Words>>
  /** Lanes of its own, each placed after a default lane. */
  adds: readonly { id: string; name: Words; after: DefaultLaneId }[]
}

export const TEMPLATE_IDS = ['default', 'purchase', 'onboarding', 'freelance'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export const TEMPLATES: Readonly<Record<TemplateId, JourneyTemplate>> = {
  default: {
    id: 'default',
    name: { en: 'The five usual stages', ar: 'المراحل الخمس المعتادة', fa: 'پنج مرحلهٔ معمول' },
    summary: {
      en: 'From awareness to loyalty, for any product or service.',
      ar: 'من الوعي إلى الولاء، لأي منتج أو خدمة.',
      fa: 'از آگاهی تا وفاداری، برای هر محصول یا خدمتی.',
    },
    title: { en: 'Customer journey', ar: 'رحلة العميل', fa: 'سفر مشتری' },
    stages: DEFAULT_STAGE_NAMES,
    renames: {},
    adds: [],
  },
  purchase: {
    id: 'purchase',
    name: { en: 'An online purchase', ar: 'الشراء من متجر إلكتروني', fa: 'خرید از فروشگاه اینترنتی' },
    summary: {
      en: 'From the first ad to buying again: the cart, payment, delivery and returns.',
      ar: 'من أول إعلان إلى تكرار الشراء: السلة والدفع والتوصيل والإرجاع.',
      fa: 'از اولین تبلیغ تا خرید دوباره: سبد خرید، پرداخت، ارسال و مرجوعی.',
    },
    title: { en: 'Online purchase journey', ar: 'رحلة الشراء من المتجر الإلكتروني', fa: 'سفر خرید از فروشگاه اینترنتی' },
    stages: {
      en: ['Discovery', 'Browsing and comparing', 'Cart and payment', 'Delivery', 'After the purchase'],
      ar: ['الاكتشاف', 'التصفح والمقارنة', 'السلة والدفع', 'التوصيل والاستلام', 'ما بعد الشراء'],
      fa: ['آشنایی', 'جست‌وجو و مقایسه', 'سبد خرید و پرداخت', 'ارسال و تحویل', 'پس از خرید'],
    },
    renames: {
      touchpoint: { en: 'Channels', ar: 'القنوات', fa: 'کانال‌ها' },
      pain: { en: 'Drop-off points', ar: 'نقاط الانسحاب', fa: 'نقاط ریزش' },
    },
    adds: [{ id: 'device', name: { en: 'Devices', ar: 'الأجهزة', fa: 'دستگاه‌ها' }, after: 'touchpoint' }],
  },
  onboarding: {
    id: 'onboarding',
    name: { en: 'Onboarding to a software service', ar: 'البدء باستخدام خدمة برمجية', fa: 'شروع کار با یک سرویس نرم‌افزاری' },
    summary: {
      en: 'From signing up to the first result, everyday use and the first renewal.',
      ar: 'من التسجيل إلى أول نتيجة ملموسة، ثم الاستخدام اليومي وأول تجديد للاشتراك.',
      fa: 'از ثبت‌نام تا اولین نتیجهٔ ملموس، استفادهٔ روزمره و اولین تمدید اشتراک.',
    },
    title: { en: 'New user onboarding', ar: 'رحلة المستخدم الجديد', fa: 'سفر کاربر تازه‌وارد' },
    stages: {
      en: ['Sign-up', 'First setup', 'First result', 'Everyday use', 'Renewal or upgrade'],
      ar: ['التسجيل', 'الإعداد الأول', 'أول نتيجة', 'الاستخدام اليومي', 'التجديد أو الترقية'],
      fa: ['ثبت‌نام', 'راه‌اندازی اولیه', 'اولین نتیجه', 'استفادهٔ روزمره', 'تمدید یا ارتقا'],
    },
    renames: {
      touchpoint: { en: 'Screens and messages', ar: 'الشاشات والرسائل', fa: 'صفحه‌ها و پیام‌ها' },
      metric: { en: 'Activation metrics', ar: 'مقاييس التفعيل', fa: 'شاخص‌های فعال‌سازی' },
    },
    adds: [{ id: 'help', name: { en: 'Help and guides', ar: 'المساعدة والأدلة', fa: 'راهنما و آموزش' }, after: 'question' }],
  },
  freelance: {
    id: 'freelance',
    name: {
      en: 'Hiring on a freelancing marketplace',
      ar: 'التوظيف عبر منصة للعمل الحر',
      fa: 'استخدام فریلنسر در پلتفرم کار آزاد',
    },
    summary: {
      en: 'Looking for help, comparing freelancers, hiring, receiving the work, and hiring again.',
      ar: 'البحث عن مستقل والمقارنة بين العروض، ثم التوظيف واستلام العمل والتوظيف من جديد.',
      fa: 'جست‌وجوی فریلنسر و مقایسهٔ پیشنهادها، سپس استخدام، تحویل کار و همکاری دوباره.',
    },
    title: { en: 'Client hiring journey', ar: 'رحلة صاحب المشروع', fa: 'سفر کارفرما' },
    stages: {
      en: ['Need for help', 'Searching and comparing', 'Posting and hiring', 'Delivery and review', 'Hiring again'],
      ar: ['الحاجة إلى مساعدة', 'البحث والمقارنة', 'نشر المشروع والتوظيف', 'التسليم والتقييم', 'التوظيف من جديد'],
      fa: ['نیاز به کمک', 'جست‌وجو و مقایسه', 'ثبت پروژه و استخدام', 'تحویل و ارزیابی', 'همکاری دوباره'],
    },
    renames: {
      owner: { en: 'Platform team', ar: 'فريق المنصة', fa: 'تیم پلتفرم' },
    },
    adds: [{ id: 'trust', name: { en: 'Trust signals', ar: 'مؤشرات الثقة', fa: 'نشانه‌های اعتماد' }, after: 'motivation' }],
  },
}

export const isTemplateId = (v: unknown): v is TemplateId => TEMPLATE_IDS.includes(v as TemplateId)

export interface NewBoard {
  /** The maker's title; empty for the template's own (or the earlier board's). */
  title?: string | undefined
  /** The board's language: the template is written in it (English when absent). */
  lang?: BoardLang | undefined
  newId: () => string
  now?: number
}

/** Writes `template` into a new, empty document: title, stages and lanes in the board's language. */
export function startFromTemplate(doc: Y.Doc, template: JourneyTemplate, { title, lang, newId, now = Date.now() }: NewBoard) {
  const words = lang ?? 'en'
  doc.transact(() => {
    initBoard(doc, title || template.title[words], template.stages[words], newId, now, lang)
    initMap(doc)
    for (const [laneId, name] of Object.entries(template.renames)) renameLane(doc, laneId, name[words])
    for (const lane of template.adds) {
      const after = readLanes(doc).findIndex((l) => l.id === lane.after)
      addLane(doc, lane.id, lane.name[words], after + 1)
    }
  })
}

/** Writes into a new, empty document the shape of an earlier board: its stages (in order, under new ids), its
 *  lanes (names, order, hidden ones too) and its frame; none of its notes, clusters, votes, people, map items
 *  or emotion scores. The earlier board's language wins over `lang`, since its stage names are written in it. */
export function startFromBoard(doc: Y.Doc, source: Y.Doc, { title, lang, newId, now = Date.now() }: NewBoard) {
  const from = readBoard(source)
  doc.transact(() => {
    initBoard(doc, title || from.title, [], newId, now, readBoardLang(source) ?? lang)
    for (const s of from.stages) addStage(doc, newId(), s.name)
    const { lanes } = mapRoots(doc)
    for (const lane of readLanes(source)) {
      const m = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(lane)) m.set(k, v)
      lanes.set(lane.id, m)
    }
    const frame = readFrame(source)
    setFrame(doc, Object.fromEntries(FRAME_FIELDS.filter((k) => frame[k]).map((k) => [k, frame[k]])))
  })
}
