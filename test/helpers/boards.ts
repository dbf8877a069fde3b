// Boards made ready for the live-board tests: created over the API and, on a server that runs workshop
// phases, put in the ideate phase with public writing, so every participant's note is on the board at once.
import type { CreateBoardRequest, CreateBoardResponse } from '../../shared/api.js'
import { addNote, readBoard, type NoteKind } from '../../shared/schema.js'
import { stockClient, synced, until } from './clients.js'
import { createBoard } from './server.js'

async function post(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
}

export async function createOpenBoard(serverUrl: string, body: CreateBoardRequest = {}): Promise<CreateBoardResponse> {
  const board = await createBoard(serverUrl, body)
  const joined = await post(`${serverUrl}/api/boards/${board.id}/join`, { name: 'Setup', facilitatorKey: board.facilitatorKey })
  if (joined.status === 404) return board // a server without phases: everyone may write already
  if (!joined.ok) throw new Error(`join: ${joined.status} ${await joined.text()}`)
  const { token } = (await joined.json()) as { token: string }
  for (const action of [
    { type: 'setPhase', phase: 'ideate' },
    { type: 'setPrivateWriting', on: false },
  ]) {
    const res = await post(`${serverUrl}/api/boards/${board.id}/actions`, action, token)
    if (!res.ok) throw new Error(`${action.type}: ${res.status} ${await res.text()}`)
  }
  return board
}

/** Notes of the kinds and languages real workshops write, for filling boards. */
export const SAMPLE_NOTES: { kind: NoteKind; text: string }[] = [
  { kind: 'action', text: 'يبحث في جوجل عن منصة عمل حر' },
  { kind: 'touchpoint', text: 'إعلان على إنستغرام' },
  { kind: 'question', text: 'هل يمكنني استرداد المبلغ إذا لم يعجبني العمل؟' },
  { kind: 'feeling', text: 'متحمس لكن قلق من الجودة' },
  { kind: 'pain', text: 'لم يرد الدعم الفني لمدة يومين' },
  { kind: 'idea', text: 'دردشة مباشرة داخل التطبيق' },
  { kind: 'action', text: 'فرم ثبت‌نام را پر می‌کند' },
  { kind: 'pain', text: 'سبد خرید را نیمه‌کاره رها می‌کند' },
  { kind: 'touchpoint', text: 'Help center article on refunds' },
  { kind: 'feeling', text: 'Relieved when the first delivery arrives on time' },
  { kind: 'question', text: 'Which plan fits a team of five?' },
  { kind: 'idea', text: 'اپلیکیشن موبایل برای پیگیری سفارش' },
]

/** Writes `count` notes spread over the board's stages, as a stock client holding a facilitator token. */
export async function fillBoard(serverUrl: string, board: CreateBoardResponse, count: number): Promise<void> {
  const joined = await post(`${serverUrl}/api/boards/${board.id}/join`, { name: 'Seeder', facilitatorKey: board.facilitatorKey })
  const { token, participantId } = joined.ok
    ? ((await joined.json()) as { token: string; participantId: string })
    : { token: undefined, participantId: 'seeder' }
  const client = stockClient(serverUrl.replace('http', 'ws') + '/ws', board.id, token ? { token } : {})
  try {
    await synced(client)
    const stages = readBoard(client.doc).stages
    client.doc.transact(() => {
      for (let i = 0; i < count; i++) {
        const sample = SAMPLE_NOTES[i % SAMPLE_NOTES.length]!
        addNote(client.doc, { id: `seed-${i}`, stageId: stages[i % stages.length]!.id, authorId: participantId, ...sample })
      }
    })
    // Wait for the server to echo nothing back but to have stored it: a second client sees them all.
    const check = stockClient(serverUrl.replace('http', 'ws') + '/ws', board.id, token ? { token } : {})
    await synced(check)
    await until(() => readBoard(check.doc).notes.length >= count, `${count} notes on the server`, 15_000)
    check.destroy()
  } finally {
    client.destroy()
  }
}
