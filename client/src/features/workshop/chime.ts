// A soft two-note chime for the end of the timer, synthesised with WebAudio (no file to load). Browsers
// only let a page make sound after a gesture, so the audio context is opened on the first one.
let ctx: AudioContext | undefined

function prime() {
  try {
    ctx ??= new AudioContext()
    void ctx.resume()
  } catch {
    // No audio here; the visual signal remains.
  }
}

let listening = false
/** Opens the audio context on this page's next click or key press. */
export function primeOnGesture() {
  if (listening || typeof window === 'undefined') return
  listening = true
  const once = () => {
    prime()
    removeEventListener('pointerdown', once, true)
    removeEventListener('keydown', once, true)
  }
  addEventListener('pointerdown', once, true)
  addEventListener('keydown', once, true)
}

export function chime() {
  if (!ctx || ctx.state !== 'running') return
  const start = ctx.currentTime
  for (const [i, freq] of [659.25, 880].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    const at = start + i * 0.28
    osc.type = 'sine'
    osc.frequency.value = freq
    gain.gain.setValueAtTime(0, at)
    gain.gain.linearRampToValueAtTime(0.12, at + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2)
    osc.connect(gain).connect(ctx.destination)
    osc.start(at)
    osc.stop(at + 1.25)
  }
}
