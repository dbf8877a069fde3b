// Reactions and comments (shared/discussion.ts) on a board after its workshop: JSON carries them through an import
// to the same bytes, old exports without them still import, orphans of deleted notes are left out, and the
// Markdown lists each thread (who, when, what; how many reacted how) under its map item, or under the note or
// cluster it is about when no map item stands for it.
import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../../shared/boardSnapshot.js'
import {
  addComment, editComment, parseReactionKey, reactionKey, reactionsByTarget, readComments, readReactions, toggleReaction,
} from '../../shared/discussion.js'
import { fromJson, parseBoardJson, toJson } from '../../shared/export/json.js'
import { EXPORT_LABELS } from '../../shared/export/labels.js'
import { toMarkdown } from '../../shared/export/markdown.js'
import { readMap } from '../../shared/readMap.js'
import { deleteNote } from '../../shared/schema.js'
import { writePerson } from '../../shared/sessionDoc.js'
import { persianShop } from './fixtures/journeyBoards.js'

const T = Date.UTC(2025, 2, 1, 14, 5)

function discussed() {
  const doc = persianShop()
  writePerson(doc, { id: 'p1', name: 'نگین', color: 'x', role: 'participant', removed: false })
  writePerson(doc, { id: 'p2', name: 'Reza', color: 'x', role: 'participant', removed: false })
  toggleReaction(doc, 'p1', 'c3', 'agree', T)
  toggleReaction(doc, 'p2', 'c3', 'agree', T + 1)
  toggleReaction(doc, 'p2', 'c3', 'insight', T + 2)
  toggleReaction(doc, 'p1', 'n3', 'love', T + 3) // n3 is on no map item
  toggleReaction(doc, 'p1', 'n4', 'surprise', T + 4)
  toggleReaction(doc, 'p1', 'n4', 'surprise', T + 5) // given and taken back
  addComment(doc, { id: 'k1', targetId: 'c3', authorId: 'p1', text: 'فرم را کوتاه کنیم؛ فقط *شماره موبایل*' }, T + 60_000)
  addComment(doc, { id: 'k2', targetId: 'n3', authorId: 'p2', text: 'Trust badges near the price?' }, T + 120_000)
  editComment(doc, 'k2', 'Trust badges next to the price?', T + 180_000)
  addComment(doc, { id: 'k3', targetId: 'm1', authorId: 'gone', text: 'تیم پرداخت را هم دعوت کنیم' }, T + 240_000)
  addComment(doc, { id: 'k4', targetId: 'n16', authorId: 'p2', text: 'about a note deleted later' }, T + 300_000)
  toggleReaction(doc, 'p2', 'n16', 'agree', T + 6)
  deleteNote(doc, 'n16')
  return doc
}

describe('reactions', () => {
  it('are one of each per person and target, keyed so that the key says whose', () => {
    const doc = discussed()
    expect(readReactions(doc)[reactionKey('p1', 'c3', 'agree')]).toBe(T)
    expect(reactionsByTarget(readReactions(doc)).c3).toEqual({ agree: ['p1', 'p2'], insight: ['p2'] })
    expect(reactionsByTarget(readReactions(doc)).n4).toBeUndefined()
    expect(parseReactionKey('p1:cluster:c3:love')).toEqual({ personId: 'p1', targetId: 'cluster:c3', reaction: 'love' })
    expect(parseReactionKey('p1:c3:laugh')).toBeNull()
    expect(parseReactionKey('p1:love')).toBeNull()
  })
})

describe('reactions and comments in the JSON export', () => {
  it('travel through an import to the same bytes, without those of deleted notes', () => {
    const doc = discussed()
    const once = toJson(readSnapshot(doc))
    const json = JSON.parse(once)
    expect(Object.keys(json.reactions)).toEqual(['p1:c3:agree', 'p1:n3:love', 'p2:c3:agree', 'p2:c3:insight'])
    expect(json.comments.map((c: { id: string }) => c.id)).toEqual(['k1', 'k2', 'k3'])
    expect(json.comments[1]).toEqual({ id: 'k2', targetId: 'n3', authorId: 'p2', text: 'Trust badges next to the price?',
      createdAt: T + 120_000, editedAt: T + 180_000 })
    const imported = fromJson(once)
    expect(toJson(readSnapshot(imported))).toBe(once)
    expect(readComments(imported).map((c) => c.text)).toContain('تیم پرداخت را هم دعوت کنیم')
  })

  it('are absent from a board without any, so older exports read as before and import', () => {
    const json = toJson(readSnapshot(persianShop()))
    expect(json).not.toContain('"reactions"')
    expect(json).not.toContain('"comments"')
    expect(readComments(fromJson(json))).toEqual([])
  })

  it('refuses a bad reaction key or an overlong comment, saying where', () => {
    const good = JSON.parse(toJson(readSnapshot(discussed())))
    expect(() => parseBoardJson(JSON.stringify({ ...good, reactions: { 'p1:c3:laugh': T } }))).toThrow('reactions.p1:c3:laugh')
    const long = { ...good, comments: [{ ...good.comments[0], text: 'x'.repeat(1001) }] }
    expect(() => parseBoardJson(JSON.stringify(long))).toThrow('comments[0].text: 1001 characters, more than the 1000 allowed')
  })
})

describe('reactions and comments in the Markdown', () => {
  const labels = EXPORT_LABELS.fa
  const md = toMarkdown(readMap(discussed(), labels.lanes), labels)

  it('under the map item of the cluster they are about: counts, then who wrote what when', () => {
    const item = md.slice(md.indexOf('**ثبت‌نام و پرداخت دردسرساز**'))
    expect(item.split('\n').slice(1, 6)).toContain('  - واکنش‌ها: 👍 2 · 💡 1')
    expect(item).toContain('  - 💬 **نگین** (2025-03-01 14:06 UTC): فرم را کوتاه کنیم؛ فقط \\*شماره موبایل\\*')
  })

  it("under a map item of its own, naming an author the board no longer knows as such", () => {
    expect(md).toContain('**تیم فنی و پرداخت**\n  - 💬 **یک نفر** (2025-03-01 14:09 UTC): تیم پرداخت را هم دعوت کنیم')
  })

  it('under the notes no map item stands for, in a section of their own, marking an edited comment', () => {
    const section = md.slice(md.indexOf('## واکنش‌ها و نظرها'))
    expect(section).toContain('### آگاهی\n\n- **کنجکاو است ولی به فروشگاه ناشناس اعتماد ندارد**\n  - واکنش‌ها: ❤️ 1\n'
      + '  - 💬 **Reza** (2025-03-01 14:07 UTC, ویرایش‌شده): Trust badges next to the price?')
    expect(md).not.toContain('about a note deleted later')
    expect(md.indexOf('## واکنش‌ها و نظرها')).toBeLessThan(md.indexOf('## منحنی احساسات'))
  })

  it('adds nothing to a board without any', () => {
    expect(toMarkdown(readMap(persianShop(), labels.lanes), labels)).not.toContain('واکنش')
  })
})
