// Entry point: styles, the app, and the service worker that keeps the app openable offline (UpdatePrompt).
// The tokens and the base styles come first: each component imports its own stylesheet, which comes after.
import './tokens.css'
import './base.css'
import { render } from 'solid-js/web'
import { App } from './App.js'
import { UpdatePrompt } from './UpdatePrompt.js'

// In a task of its own, after the one that evaluated the bundle: each of them short, the page answers between.
setTimeout(() =>
  render(
    () => (
      <>
        <App />
        <UpdatePrompt />
      </>
    ),
    document.getElementById('root')!,
  ),
)
