// Two pages: the start page at /, a board at /b/:id (the server answers both with this app).
import { Match, Switch } from 'solid-js'
import { BoardPage } from './BoardPage.js'
import { HomePage } from '../features/home/index.js'

export const boardIdFromPath = (path: string) => /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(path)?.[1]

export function App() {
  const boardId = boardIdFromPath(location.pathname)
  return (
    <Switch fallback={<HomePage />}>
      <Match when={boardId}>{(id) => <BoardPage boardId={id()} />}</Match>
    </Switch>
  )
}
