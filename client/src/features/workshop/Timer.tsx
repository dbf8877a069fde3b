// The workshop timer: one countdown on the server's clock that every screen shows alike; at zero a gentle
// pulse (still, with reduced motion), a spoken announcement and, if wanted, a soft chime. The facilitator
// starts it with minutes, pauses, resumes, extends and clears it.
import { Show, createEffect, createSignal, onCleanup } from 'solid-js'
import { LIMITS } from '../../../../shared/api.js'
import { remainingMs } from '../../../../shared/workshop.js'
import { announce } from '../../lib/announce.js'
import { load, save } from '../../lib/storage.js'
import { locale, t } from '../../i18n/i18n.js'
import { chime, primeOnGesture } from './chime.js'
import { formatClock } from './clockFormat.js'
import { useWorkshop } from './context.js'
import { BellIcon } from '../../ui/icons.js'
import './Timer.css'

const TICK_MS = 250
const MAX_MINUTES = LIMITS.maxTimerMs / 60_000

export function Timer() {
  const w = useWorkshop()
  const timer = () => w.store.state.session.timer
  const [now, setNow] = createSignal(w.clock.now())
  const running = () => timer().endsAt !== null
  createEffect(() => {
    if (!running()) return
    setNow(w.clock.now())
    const id = setInterval(() => setNow(w.clock.now()), TICK_MS)
    onCleanup(() => clearInterval(id))
  })
  const left = () => remainingMs(timer(), running() ? now() : 0)
  const up = () => running() && left() === 0
  const [sound, setSound] = createSignal(load('chime') !== 'off')
  primeOnGesture()

  // Rings once when this screen sees the countdown reach zero (not when opening a board whose time is up).
  const [ringing, setRinging] = createSignal(false)
  let before: number | null = null
  createEffect(() => {
    const l = left()
    if (up() && before !== null && before > 0) {
      setRinging(true)
      announce(t('timer.up'))
      if (sound()) chime()
    } else if (!up()) setRinging(false)
    before = l
  })

  const [minutes, setMinutes] = createSignal(5)
  const run = (command: 'start' | 'pause' | 'resume' | 'extend' | 'clear', ms?: number) =>
    void w.messages.act({ type: 'timer', command, ...(ms !== undefined ? { ms } : {}) })
  function start(e: Event) {
    e.preventDefault()
    const m = Math.min(MAX_MINUTES, Math.max(1, Math.round(minutes())))
    run('start', m * 60_000)
  }

  return (
    <div class="timer-area">
      <Show when={left() !== null}>
        <div
          class="timer"
          classList={{ paused: !running(), 'time-up': up(), ringing: ringing() }}
          role="timer"
          aria-label={t('timer.label')}
          data-testid="timer"
        >
          <svg class="timer-icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="12" cy="13" r="8" />
            <path d="M12 9v4l2.5 2.5M9.5 2.5h5" />
          </svg>
          <span class="timer-clock" data-remaining-ms={left() ?? 0}>
            {formatClock(left() ?? 0, locale().code)}
          </span>
          <Show when={up()}>
            <span class="timer-state">{t('timer.up')}</span>
          </Show>
          <Show when={!running()}>
            <span class="timer-state">{t('timer.paused')}</span>
          </Show>
        </div>
        <button
          type="button"
          class="icon-button"
          aria-pressed={sound()}
          aria-label={t('timer.sound')}
          title={t('timer.sound')}
          onClick={() => {
            setSound(!sound())
            save('chime', sound() ? 'on' : 'off')
          }}
        >
          <BellIcon off={!sound()} />
        </button>
      </Show>
      <Show when={w.store.isFacilitator()}>
        <div class="timer-tools" role="group" aria-label={t('timer.tools')}>
          <Show
            when={left() !== null}
            fallback={
              <form class="timer-start" onSubmit={start}>
                <label for="timer-minutes">{t('timer.minutes')}</label>
                <input
                  id="timer-minutes"
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max={MAX_MINUTES}
                  value={minutes()}
                  onInput={(e) => setMinutes(Number(e.currentTarget.value) || 1)}
                />
                <button type="submit" class="button small">
                  {t('timer.start')}
                </button>
              </form>
            }
          >
            <Show when={running() && !up()}>
              <button type="button" class="button small" onClick={() => run('pause')}>
                {t('timer.pause')}
              </button>
            </Show>
            <Show when={!running()}>
              <button type="button" class="button small" onClick={() => run('resume')}>
                {t('timer.resume')}
              </button>
            </Show>
            <button type="button" class="button small" aria-label={t('timer.extend.label', { count: 1 })} onClick={() => run('extend', 60_000)}>
              {t('timer.extend', { count: 1 })}
            </button>
            <button type="button" class="button small" aria-label={t('timer.extend.label', { count: 5 })} onClick={() => run('extend', 300_000)}>
              {t('timer.extend', { count: 5 })}
            </button>
            <button type="button" class="button small" onClick={() => run('clear')}>
              {t('timer.clear')}
            </button>
          </Show>
        </div>
      </Show>
    </div>
  )
}
