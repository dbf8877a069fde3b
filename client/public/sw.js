// Keeps the app shell (index.html and its hashed assets) so that a board reloads while the server is
// unreachable; the board itself then comes from IndexedDB. Pages are network-first (a new deploy is
// picked up at once), assets cache-first (their names change with their content). API and WebSocket
// traffic is never touched.
const CACHE = 'touchpoint-shell-v1'
const SHELL = '/'

const assetsOf = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])

async function keepShell(response) {
  const cache = await caches.open(CACHE)
  const html = await response.clone().text()
  await cache.put(SHELL, response)
  await Promise.all(
    assetsOf(html).map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url)
    }),
  )
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(SHELL)
      .then((res) => res.ok && keepShell(res))
      .catch(() => {})
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

async function page(request) {
  try {
    const res = await fetch(request)
    if (res.ok && (res.headers.get('content-type') ?? '').includes('text/html')) {
      // Every page is the same SPA shell; refresh the copy and the assets it names.
      keepShell(res.clone()).catch(() => {})
    }
    return res
  } catch {
    const cached = await caches.match(SHELL)
    return cached ?? Response.error()
  }
}

async function asset(request) {
  const cached = await caches.match(request)
  if (cached) return cached
  const res = await fetch(request)
  if (res.ok) (await caches.open(CACHE)).put(request, res.clone())
  return res
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== location.origin) return
  if (request.mode === 'navigate') event.respondWith(page(request))
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request))
})
