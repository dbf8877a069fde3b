// What a request body may hold, as valibot schemas: the server checks every body against them (Hono's
// validator middleware, see server/validate.ts) and the client checks its own before sending. Each limit is
// written once, in LIMITS, and each refusal names the field in plain words.
import * as v from 'valibot'
import { BOARD_FORMAT } from './export/format.js'
import { BOARD_LANGS, NOTE_KINDS, type NoteKind } from './schema.js'
import { PHASES } from './workshop.js'
import { SPOTLIGHT_KINDS } from './lead.js'
import { TEMPLATE_IDS } from './templates.js'

export const LIMITS = {
  titleLength: 200,
  stageNameLength: 80,
  maxStages: 20,
  noteLength: 2000,
  /** A person's display name, on joining and in presence. */
  nameLength: 40,
  /** The vote budget and the votes one item may get are each from minVotes to maxVotes. */
  minVotes: 1,
  maxVotes: 50,
  /** A voting round's name, and how many of the last round's top items the next may be limited to. */
  roundNameLength: 80,
  maxTopN: 100,
  /** Finished voting rounds an imported board may hold. */
  maxRounds: 50,
  /** The longest a timer may be started or extended by: 4 hours. */
  maxTimerMs: 4 * 60 * 60_000,
  // What one imported board may hold (POST /api/boards/import), checked before any of it is built, so an
  // import's cost is bounded whatever its bytes hold. Titles, stage names and note texts use the limits above.
  /** Notes, and the map's items, of one board. */
  maxNotes: 5000,
  maxClusters: 2000,
  maxMapItems: 2000,
  /** Lanes of the map (the default ones and the facilitator's own). */
  maxLanes: 20,
  /** Keys of the vote tally: one per voted note or cluster. */
  maxTallyKeys: 7000,
  /** Emotion ratings, one per person and stage. */
  maxRatings: 10_000,
  /** An id, an order key, or a key of the tally or ratings. */
  idLength: 200,
  /** A cluster, lane or map item's name or title, a frame field, a metric's text. */
  textLength: 2000,
  /** Who owns a decision or a next step of the discuss phase: a team or a person (shared/outcomes.ts). */
  ownerLength: 80,
  /** A comment on a note, cluster or map item, and what one imported board may hold of them and of reactions
   *  (shared/discussion.ts). */
  commentLength: 1000,
  maxComments: 10_000,
  maxReactions: 20_000,
} as const

/** The message for a body that is not a JSON object (an array, a string, null…). */
export const NOT_AN_OBJECT = 'The request body must be a JSON object.'

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** `schema`, refusing anything but a plain object first (valibot's object() would take an array). */
const body = <S extends v.GenericSchema<Record<string, unknown>>>(schema: S) =>
  v.pipe(v.custom<v.InferInput<S>>(isRecord, NOT_AN_OBJECT), schema)

/** The message of an object schema: the missing required field by name. */
const missingField = (issue: v.BaseIssue<unknown>) => {
  const key = issue.path?.[0]?.key
  return key !== undefined ? `"${String(key)}" is required.` : NOT_AN_OBJECT
}
const fields = <E extends v.ObjectEntries>(entries: E) => v.object(entries, missingField)

const wholeNumber = (
  name: string,
  min: number,
  max: number,
  message = `"${name}" must be a whole number from ${min} to ${max}.`,
) => v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message))
const flag = (name: string) => v.boolean(`"${name}" must be true or false.`)
const id = (name: string) => v.string(`"${name}" must be a string (an id).`)
const oneOf = <const T extends readonly [string, ...string[]]>(name: string, options: T) =>
  v.picklist(options, `"${name}" must be one of ${options.join(', ')}.`)

// ---- POST /api/boards ----

const stageName = v.pipe(
  v.string(`Each of "stages" must be a name.`),
  v.trim(),
  v.nonEmpty(`Each of "stages" must be a name that is not blank.`),
  v.maxLength(LIMITS.stageNameLength, `Each of "stages" must be at most ${LIMITS.stageNameLength} characters.`),
)
const stagesMessage = `"stages" must be 1 to ${LIMITS.maxStages} non-empty names of at most ${LIMITS.stageNameLength} characters.`

export const CreateBoardRequest = body(v.pipe(
  fields({
    title: v.optional(
      v.pipe(
        v.string(`"title" must be a string of at most ${LIMITS.titleLength} characters.`),
        v.maxLength(LIMITS.titleLength, `"title" must be a string of at most ${LIMITS.titleLength} characters.`),
        v.trim(),
      ),
    ),
    stages: v.optional(
      v.pipe(v.array(stageName, stagesMessage), v.minLength(1, stagesMessage), v.maxLength(LIMITS.maxStages, stagesMessage)),
    ),
    /** The board's language: the creating person's interface language. Without it, exports guess. */
    lang: v.optional(oneOf('lang', BOARD_LANGS)),
    /** A journey template (shared/templates.ts): its stages and starter lanes, in `lang`. */
    template: v.optional(oneOf('template', TEMPLATE_IDS)),
    /** An earlier board to take the stages, lanes and frame of; its facilitator key proves the maker may read it. */
    from: v.optional(
      v.object({
        boardId: v.pipe(v.string('"from.boardId" must be a board id.'), v.maxLength(LIMITS.idLength, '"from.boardId" must be a board id.')),
        facilitatorKey: v.pipe(
          v.string('"from.facilitatorKey" must be the earlier board\'s facilitator key.'),
          v.maxLength(LIMITS.idLength, '"from.facilitatorKey" must be the earlier board\'s facilitator key.'),
        ),
      }, '"from" must be { "boardId", "facilitatorKey" }: the earlier board and its facilitator key.'),
    ),
  }),
  // One start at a time: a template and an earlier board each bring their own stages.
  v.check((b) => !(b.template && b.stages), '"template" brings its own stages: send "template" or "stages", not both.'),
  v.check((b) => !(b.from && (b.template || b.stages)), '"from" takes the earlier board\'s stages: leave out "template" and "stages".'),
))
export type CreateBoardRequest = v.InferInput<typeof CreateBoardRequest>

// ---- POST /api/boards/:id/join ----

const nameMessage = `"name" must be 1 to ${LIMITS.nameLength} characters.`

export const JoinBoardRequest = body(
  v.pipe(
    fields({
      name: v.optional(v.pipe(v.string(nameMessage), v.trim(), v.maxLength(LIMITS.nameLength, nameMessage)), ''),
      /** Makes the joiner a facilitator. */
      facilitatorKey: v.optional(v.string('"facilitatorKey" must be a string.')),
      /** A read-only view: no name needed, nothing can be changed. */
      observer: v.optional(flag('observer')),
    }),
    // Only someone who joins as an observer (a facilitator key makes a facilitator) may come without a name.
    v.check((j) => (j.observer === true && j.facilitatorKey === undefined) || j.name.length > 0, nameMessage),
  ),
)
export type JoinBoardRequest = v.InferInput<typeof JoinBoardRequest>

// ---- POST /api/boards/:id/actions ----

export const TIMER_COMMANDS = ['start', 'pause', 'resume', 'extend', 'clear'] as const

const action = <const T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  fields({ type: v.literal(type), ...entries })
const votes = (name: string) => wholeNumber(name, LIMITS.minVotes, LIMITS.maxVotes)
const roundNameMessage = `"name" must be 1 to ${LIMITS.roundNameLength} characters.`
const kindBudget = (kind: NoteKind) => v.optional(wholeNumber(`kindBudgets.${kind}`, 0, LIMITS.maxVotes))

// Leading the room (shared/lead.ts): a stage of the board or a cell of the map, by id.
const ref = (name: string) => v.pipe(id(name), v.maxLength(LIMITS.idLength, `"${name}" is longer than an id.`))
const cellMessage = '"cell" must be { "stageId", "laneId" }.'
const place = {
  stageId: v.optional(ref('stageId')),
  cell: v.optional(v.object({ stageId: ref('cell.stageId'), laneId: ref('cell.laneId') }, cellMessage)),
}

export const ActionRequest = body(
  v.variant(
    'type',
    [
      action('setPhase', { phase: oneOf('phase', PHASES) }),
      action('setLocked', { locked: flag('locked') }),
      action('setPrivateWriting', { on: flag('on') }),
      action('revealNotes', {}),
      action('setBudget', { budget: votes('budget'), maxPerItem: votes('maxPerItem') }),
      action('vote', {
        itemId: id('itemId'),
        delta: v.picklist([1, -1], '"delta" must be 1 or -1.'),
        roundId: v.optional(wholeNumber('roundId', 1, Number.MAX_SAFE_INTEGER, '"roundId" must be a round\'s number.')),
      }),
      action('revealVotes', {}),
      action('reopenVoting', {}),
      action('timer', {
        command: oneOf('command', TIMER_COMMANDS),
        ms: v.optional(
          wholeNumber('ms', 0, LIMITS.maxTimerMs, `"ms" must be a whole number of milliseconds from 0 to ${LIMITS.maxTimerMs} (${LIMITS.maxTimerMs / 3_600_000} hours).`),
          0,
        ),
      }),
      action('handOver', { participantId: id('participantId') }),
      action('removeParticipant', { participantId: id('participantId') }),
      action('startRound', {
        name: v.pipe(
          v.string(roundNameMessage),
          v.trim(),
          v.nonEmpty(roundNameMessage),
          v.maxLength(LIMITS.roundNameLength, roundNameMessage),
        ),
        budget: votes('budget'),
        maxPerItem: votes('maxPerItem'),
        kindBudgets: v.optional(
          v.strictObject(
            {
              action: kindBudget('action'), touchpoint: kindBudget('touchpoint'), question: kindBudget('question'),
              feeling: kindBudget('feeling'), pain: kindBudget('pain'), idea: kindBudget('idea'),
            } satisfies Record<NoteKind, unknown>,
            `"kindBudgets" may only name the kinds ${NOTE_KINDS.join(', ')}.`,
          ),
        ),
        topN: v.optional(wholeNumber('topN', 1, LIMITS.maxTopN)),
      }),
      action('markDone', { done: flag('done') }),
      action('summon', place),
      action('follow', { on: flag('on'), ...place }),
      action('spotlight', {
        item: v.nullable(
          v.object({ kind: oneOf('item.kind', SPOTLIGHT_KINDS), id: ref('item.id') }, '"item" must be { "kind", "id" } or null.'),
        ),
        timerMs: v.optional(wholeNumber('timerMs', 0, LIMITS.maxTimerMs)),
      }),
    ],
    (issue) => `Unknown action type ${JSON.stringify(issue.input) ?? '(none)'}.`,
  ),
)
/** An action as the client sends it; the server gets it checked, with `ms` defaulting to 0. */
export type ActionRequest = v.InferInput<typeof ActionRequest>

// ---- POST /api/boards/import: the envelope only; shared/export/json.ts reads the board itself ----

export const ImportBoardRequest = body(
  v.looseObject(
    {
      format: v.literal(BOARD_FORMAT, `"format" must be "${BOARD_FORMAT}": this is not a Touchpoint board export.`),
      version: v.pipe(v.number('"version" must be a whole number.'), v.integer('"version" must be a whole number.')),
    },
    missingField,
  ),
)

// ---- GET /api/boards/:id/export: its query ----

export const EXPORT_FORMATS = ['md', 'csv', 'json', 'html', 'svg', 'pdf', 'png'] as const
export const EXPORT_LANGS = ['en', 'ar', 'fa'] as const

/** Every query parameter of an export, checked before anything is read or rendered; others are ignored. */
export const ExportQuery = v.object({
  format: v.optional(v.picklist(EXPORT_FORMATS, `"format" must be one of ${EXPORT_FORMATS.join(', ')}.`), 'md'),
  lang: v.optional(v.picklist(EXPORT_LANGS, `"lang" must be one of ${EXPORT_LANGS.join(', ')}.`)),
  token: v.optional(v.pipe(v.string('"token" must be a string.'), v.maxLength(LIMITS.idLength, '"token" is too long.'))),
})
export type ExportQuery = v.InferOutput<typeof ExportQuery>

// ---- checking ----

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

/** `input` checked against `schema`: the value (trimmed, with defaults) or the first refusal in plain words. */
export function check<S extends v.GenericSchema>(schema: S, input: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: true })
  return result.success ? { ok: true, value: result.output } : { ok: false, message: result.issues[0].message }
}
