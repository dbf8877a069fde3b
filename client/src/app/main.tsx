// Entry point: styles, the app, and the service worker that keeps the app openable offline (UpdatePrompt).
// The tokens and the base styles come first: each component imports its own stylesheet, which comes after.
import './tokens.css'
import './base.css'
import { render } from 'solid-js/web'
import { App } from './App.js'
import { UpdatePrompt } from './UpdatePrompt.js'

render(
  () => (
    <>
      <App />
      <UpdatePrompt />
    </>
  ),
  document.getElementById('root')!,
)
