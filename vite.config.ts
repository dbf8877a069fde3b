// Builds the Solid client into dist/client, which the server serves; `npm run dev` proxies to the server.
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'

const backend = `http://localhost:${process.env.PORT ?? 8787}`

// The service worker (dist/client/sw.js), generated from the build by Workbox: it precaches every file the
// build wrote (the page, every chunk, lazy ones too, styles, fonts and images, each by its content), answers a
// reload of / or /b/:id with the precached page so a board opens offline (its notes come from IndexedDB), and
// never touches /api or /ws. A new deploy installs beside the running version and waits ('prompt'): the open
// board keeps every file of its own version, lazy chunks included, until the person chooses to reload
// (client/src/app/UpdatePrompt.tsx). 'autoUpdate' would swap the worker under an open board, drop the old
// version's files from the cache while the server no longer has them either, and reload every tab by force.
const offline = VitePWA({
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false, // UpdatePrompt.tsx registers it
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{html,js,css,woff,woff2,ttf,otf,svg,png,jpg,jpeg,gif,webp,avif,ico,wasm}'],
    navigateFallback: 'index.html',
    navigateFallbackAllowlist: [/^\/$/, /^\/b\/[A-Za-z0-9_-]+\/?$/],
    navigateFallbackDenylist: [/^\/api\//, /^\/ws\//],
    runtimeCaching: [], // nothing is cached at run time: the API and the sockets always go to the network
    cleanupOutdatedCaches: true,
    // The first visit is controlled at once, so it reloads offline without a second visit; an update still
    // waits for the person (no skipWaiting).
    clientsClaim: true,
    skipWaiting: false,
  },
})

export default defineConfig({
  root: 'client',
  plugins: [solid(), offline],
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022' },
  // Breakpoints are named once with @custom-media (client/src/app/media.css); Lightning CSS expands them.
  css: { transformer: 'lightningcss', lightningcss: { drafts: { customMedia: true } } },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/ws': { target: backend.replace('http', 'ws'), ws: true },
    },
  },
})
