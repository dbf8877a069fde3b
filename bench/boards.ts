// Boards and seats on any server under test. Ours issues them over its API (a writer is a facilitator, so
// it may write in any phase, and its notes carry its participant id); the others have neither, so a board
// is just a room name of the same shape and a seat an empty token with a made-up author.
import { nanoid } from 'nanoid'
import type { CreateBoardResponse, JoinBoardRequest, JoinBoardResponse } from '../shared/api.js'
import type { BenchServer } from './servers.js'

export interface Seat {
  token: string
  authorId: string
}

export type SeatKind = 'writer' | 'listener'

export class Boards {
  private keys = new Map<string, string>()

  constructor(readonly server: BenchServer) {}

  async create(): Promise<string> {
    if (this.server.name !== 'ours') return nanoid()
    const board = await post<CreateBoardResponse>(`${this.server.httpUrl}/api/boards`, { title: 'Bench' })
    this.keys.set(board.id, board.facilitatorKey)
    return board.id
  }

  async seat(boardId: string, kind: SeatKind, name: string): Promise<Seat> {
    if (this.server.name !== 'ours') return { token: '', authorId: nanoid(12) }
    const body: JoinBoardRequest = kind === 'writer' ? { name, facilitatorKey: this.keys.get(boardId)! } : { name }
    const j = await post<JoinBoardResponse>(`${this.server.httpUrl}/api/boards/${boardId}/join`, body)
    return { token: j.token, authorId: j.participantId }
  }

  /** `n` seats, joined in parallel waves so that setup stays quick. */
  async seats(boardId: string, kind: SeatKind, n: number, prefix: string = kind): Promise<Seat[]> {
    return waves(n, 50, (i) => this.seat(boardId, kind, `${prefix} ${i}`))
  }
}

/** Runs `make(0..n-1)` `width` at a time; answers the results in order. */
export async function waves<T>(n: number, width: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < n; i += width) {
    const wave = Array.from({ length: Math.min(width, n - i) }, (_, k) => make(i + k))
    out.push(...(await Promise.all(wave)))
  }
  return out
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}
