// Builds the Solid client into dist/client, which the server serves; `npm run dev` proxies to the server.
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

const backend = `http://localhost:${process.env.PORT ?? 8787}`

export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/ws': { target: backend.replace('http', 'ws'), ws: true },
    },
  },
})
