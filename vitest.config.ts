import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Solid's package exports send Node to its server build, where nothing is reactive. The client stores
// are tested in Node against the browser build; solid-js is inlined so 'solid-js/store' and 'solid-js'
// resolve to one copy of the runtime. No server code imports solid-js, so nothing else is affected.
const solid = (path: string) => fileURLToPath(new URL(`./node_modules/solid-js/${path}`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^solid-js$/, replacement: solid('dist/solid.js') },
      { find: /^solid-js\/store$/, replacement: solid('store/dist/store.js') },
    ],
  },
  test: {
    server: { deps: { inline: [/solid-js/] } },
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Two cores: browser tests and server tests would fight over them if run all at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
