// Entry point: styles, the app, and the service worker that keeps the app openable offline.
import { render } from 'solid-js/web'
import { App } from './App.js'
import './base.css'
import '../features/home/home.css'
import '../features/presence/presence.css'
// After presence.css: its phone rules adjust the people button too.
import '../features/board/board.css'
import '../features/board/note.css'

render(() => <App />, document.getElementById('root')!)

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {
    // Without it the app still works online; only reloading while offline needs it.
  })
}
