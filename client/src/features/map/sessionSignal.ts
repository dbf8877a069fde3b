// The workshop session (phase, lock) as a signal, for the view switch: it follows only the `session` root,
// so watching it costs nothing while notes are typed.
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { readSession } from '../../../../shared/sessionDoc.js'
import type { Session } from '../../../../shared/workshop.js'

export function createSessionSignal(doc: Y.Doc): Accessor<Session> {
  const root = doc.getMap('session')
  const [session, setSession] = createSignal(readSession(doc), { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  const onChange = () => setSession(readSession(doc))
  root.observe(onChange)
  onCleanup(() => root.unobserve(onChange))
  return session
}
