// The emotion curve (DOMAIN.md): the facilitator's score per stage where set, else the participants' own
// ratings averaged, so the curve shows something as soon as people rate, and the facilitator has the last word.
import * as Y from 'yjs'
import { mapRoots } from './journeyMap.js'

/** An emotion score as stored: an integer from -2 (very negative) to +2 (very positive). */
export const clampScore = (n: number) => Math.max(-2, Math.min(2, Math.round(n))) + 0

export const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -2 && v <= 2

export const readEmotions = (doc: Y.Doc): { [stageId: string]: number } =>
  Object.fromEntries([...mapRoots(doc).emotions].filter(([, v]) => isScore(v)))

export const readRatings = (doc: Y.Doc): { [key: string]: number } =>
  Object.fromEntries([...mapRoots(doc).ratings].filter(([, v]) => isScore(v)))

export interface CurvePoint {
  stageId: string
  /** The facilitator's score; else the participants' average to one decimal; null when nobody scored. */
  score: number | null
}

/** The emotion curve from plain data. A rating's key ends in its stage id, which tolerates a ':' in person ids. */
export function emotionCurve(
  stageIds: readonly string[],
  emotions: { [stageId: string]: number },
  ratings: { [key: string]: number },
): CurvePoint[] {
  return stageIds.map((stageId) => {
    const own = emotions[stageId]
    if (own !== undefined) return { stageId, score: own }
    const given = Object.entries(ratings).filter(([k]) => k.endsWith(`:${stageId}`)).map(([, v]) => v)
    if (given.length === 0) return { stageId, score: null }
    const mean = given.reduce((a, b) => a + b, 0) / given.length
    // Halves round away from zero, so that mirrored ratings give mirrored scores; `+ 0` turns -0 into 0.
    return { stageId, score: (Math.sign(mean) * Math.round(Math.abs(mean) * 10)) / 10 + 0 }
  })
}

/** The facilitator's emotion score for a stage (rounded and clamped to -2..+2); null clears it. */
export function setEmotion(doc: Y.Doc, stageId: string, score: number | null) {
  const { emotions } = mapRoots(doc)
  if (score === null || !Number.isFinite(score)) emotions.delete(stageId)
  else emotions.set(stageId, clampScore(score))
}

/** One participant's own rating of a stage; null takes it back. */
export function setRating(doc: Y.Doc, personId: string, stageId: string, score: number | null) {
  const { ratings } = mapRoots(doc)
  const key = `${personId}:${stageId}`
  if (score === null || !Number.isFinite(score)) ratings.delete(key)
  else ratings.set(key, clampScore(score))
}
