// Offline that survives a deploy: registers the service worker that Workbox generates from the build (see
// vite.config.ts) and, once a new version has installed beside the running one, offers to reload into it.
// Until the person chooses to, the open board keeps running on its own version, whose files (lazy chunks
// included) the waiting worker leaves in the cache; a reload, online or offline, opens that version again.
import { Show, createEffect } from 'solid-js'
import { useRegisterSW } from 'virtual:pwa-register/solid'
import { announce } from '../lib/announce.js'
import { t } from '../i18n/i18n.js'
import './UpdatePrompt.css'

/** A workshop can run all day on one page: a new version is looked for now and then, not only on a reload. */
const CHECK_EVERY_MS = 60 * 60_000
/** What the worker before Workbox's kept (client/public/sw.js, found by a regular expression over the page). */
const LEGACY_CACHE = 'touchpoint-shell-v1'

async function dropLegacyCache() {
  try {
    const keys = await caches.keys()
    if (keys.includes(LEGACY_CACHE) && keys.some((k) => k.startsWith('workbox-precache'))) await caches.delete(LEGACY_CACHE)
  } catch {
    // Storage unavailable (a private window): nothing to drop.
  }
}

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => {})
      }, CHECK_EVERY_MS)
      // Once Workbox's worker is the active one (it has its precache, and no worker waits behind it), the old
      // worker's copy is dead weight; while the old one is still active, its copy is what opens the board offline.
      if (registration.active && !registration.waiting && !registration.installing) void dropLegacyCache()
    },
    onRegisterError() {
      // Without it the app still works online; only reloading while offline needs it.
    },
  })
  createEffect(() => {
    if (needRefresh()) announce(t('update.ready'))
  })

  return (
    <Show when={needRefresh()}>
      <div class="update-prompt">
        <p>{t('update.ready')}</p>
        {/* The new worker takes over and every tab of this board reloads into the new version. */}
        <button type="button" class="button primary" onClick={() => void updateServiceWorker(true)}>
          {t('update.reload')}
        </button>
        <button type="button" class="button subtle" onClick={() => setNeedRefresh(false)}>
          {t('update.later')}
        </button>
      </div>
    </Show>
  )
}
