// A workshop run up to the map phase over the real API and stock clients, fast: participants write their notes
// in the ideate phase, group them in the cluster phase, vote, and the facilitator reveals the votes and moves on
// to the map. What is left for the browser is the facilitator's part: drafting the map.
import type { CreateBoardResponse } from '../../shared/api.js'
import { createCluster } from '../../shared/clusters.js'
import { addNote, readBoard, type NoteKind } from '../../shared/schema.js'
import { readSession, readTally } from '../../shared/sessionDoc.js'
import type { Action, Phase } from '../../shared/workshop.js'
import { member, synced, until, type Member } from './clients.js'
import { act, createBoard, type TestServer } from './server.js'

export interface WorkshopScript {
  title: string
  stages: string[]
  people: string[]
  /** id, stage index, kind, text, author index among `people`. */
  notes: [string, number, NoteKind, string, number][]
  /** id, note ids, name. */
  clusters: [string, string[], string][]
  /** voter index among `people`, cluster or note id. */
  votes: [number, string][]
}

export interface VotedWorkshop {
  board: CreateBoardResponse
  facilitator: Member
  people: Member[]
  stageIds: string[]
  destroy(): void
}

export async function votedWorkshop(srv: TestServer, script: WorkshopScript): Promise<VotedWorkshop> {
  const board = await createBoard(srv.url, { title: script.title, stages: script.stages })
  const facilitator = await member(srv.url, board.id, { name: 'Facilitator', facilitatorKey: board.facilitatorKey })
  const people = await Promise.all(script.people.map((name) => member(srv.url, board.id, { name })))
  await Promise.all([facilitator, ...people].map(synced))
  const run = async (action: Action) => {
    const res = await act(srv.url, board.id, facilitator.token, action)
    if (res.status !== 200) throw new Error(`${action.type} refused: ${JSON.stringify(res.body)}`)
  }
  const everyoneSees = (phase: Phase) =>
    Promise.all(people.map((m) => until(() => readSession(m.doc).phase === phase, `${phase} phase`)))

  await run({ type: 'setPhase', phase: 'ideate' })
  await run({ type: 'setPrivateWriting', on: false })
  await everyoneSees('ideate')
  const stageIds = readBoard(facilitator.doc).stages.map((s) => s.id)
  for (const [id, stage, kind, text, author] of script.notes) {
    const who = people[author]!
    addNote(who.doc, { id, stageId: stageIds[stage]!, kind, text, authorId: who.me })
  }
  await until(() => readBoard(facilitator.doc).notes.length === script.notes.length, 'every note on the board')

  await run({ type: 'setPhase', phase: 'cluster' })
  await everyoneSees('cluster')
  for (const [id, noteIds, name] of script.clusters) createCluster(people[0]!.doc, id, noteIds, name)
  await until(() => readBoard(facilitator.doc).clusters.length === script.clusters.length, 'every cluster on the board')

  await run({ type: 'setPhase', phase: 'vote' })
  await everyoneSees('vote')
  for (const [voter, itemId] of script.votes) {
    const res = await act(srv.url, board.id, people[voter]!.token, { type: 'vote', itemId, delta: 1 })
    if (res.status !== 200) throw new Error(`vote for ${itemId} refused: ${JSON.stringify(res.body)}`)
  }
  await run({ type: 'revealVotes' })
  await run({ type: 'setPhase', phase: 'map' })
  await until(() => readSession(facilitator.doc).phase === 'map' && Object.keys(readTally(facilitator.doc)).length > 0,
    'the revealed tally in the map phase')

  return { board, facilitator, people, stageIds, destroy: () => [facilitator, ...people].forEach((m) => m.destroy()) }
}
