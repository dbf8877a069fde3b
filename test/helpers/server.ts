// A real server on 127.0.0.1, port 0, with a real SQLite file in a temporary data directory.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, type Config } from '../../server/config.js'
import { startServer, type RunningServer } from '../../server/server.js'
import { SqliteStore } from '../../server/storage/sqlite.js'
import type { Store } from '../../server/storage/store.js'
import type { Bus } from '../../server/bus.js'
import type { CreateBoardRequest, CreateBoardResponse, JoinBoardRequest, JoinBoardResponse } from '../../shared/api.js'
import type { Action } from '../../shared/workshop.js'

export interface TestServer {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  server: RunningServer
  store: Store
  close(): Promise<void>
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'touchpoint-test-'))

export async function startTestServer(
  opts: { dataDir?: string; config?: Partial<Config>; store?: (dataDir: string) => Store; clientDir?: string; bus?: Bus } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir()
  const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, roomIdleMs: 500, ...opts.config }
  const store = opts.store ? opts.store(dataDir) : new SqliteStore(dataDir)
  // The built client it serves: dist/client unless a test deploys a build of its own.
  // TEST_CLIENT_DIR: a build of one's own, so that parallel work does not rebuild the client under a run.
  const clientDir = opts.clientDir ?? process.env.TEST_CLIENT_DIR
  const server = await startServer(config, { store, bus: opts.bus, ...(clientDir ? { clientDir } : {}) })
  const url = `http://127.0.0.1:${server.port}`
  return { url, wsUrl: `ws://127.0.0.1:${server.port}/ws`, port: server.port, dataDir, server, store, close: () => server.close() }
}

export async function createBoard(url: string, body: CreateBoardRequest = {}): Promise<CreateBoardResponse> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreateBoardResponse
}

export async function joinBoard(url: string, boardId: string, body: JoinBoardRequest): Promise<JoinBoardResponse> {
  const res = await fetch(`${url}/api/boards/${boardId}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`join: ${res.status} ${await res.text()}`)
  return (await res.json()) as JoinBoardResponse
}

/** POSTs an action with a token; answers the status and the body. */
export async function act(url: string, boardId: string, token: string, action: Action) {
  const res = await fetch(`${url}/api/boards/${boardId}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(action),
  })
  return { status: res.status, body: (await res.json()) as { ok?: true; error?: { code: string } } }
}

/** The real SQLite store, counting how often a document's log is read (a room loaded, a summary rebuilt). */
export class CountingStore extends SqliteStore {
  loadLogs = 0
  override loadLog(docId: string) {
    this.loadLogs++
    return super.loadLog(docId)
  }
}
