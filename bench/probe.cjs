// Preloaded into each benchmarked server (node --expose-gc --require bench/probe.cjs): answers the bench
// over the IPC channel with the process's own CPU time and, after a full collection, its memory; and,
// when BENCH_CPU_PROF names a directory, profiles the measured windows into it.
'use strict'
const { writeFileSync } = require('node:fs')
const { join } = require('node:path')
const inspector = require('node:inspector')

const profDir = process.env.BENCH_CPU_PROF
if (profDir) require('node:fs').mkdirSync(profDir, { recursive: true })
let session = null

process.on('message', (msg) => {
  if (msg === 'cpu') return process.send({ cpu: process.cpuUsage() })
  if (msg === 'exit') return process.exit(0)
  if (msg === 'stats') {
    global.gc()
    global.gc()
    return process.send({ cpu: process.cpuUsage(), mem: process.memoryUsage() })
  }
  if (!profDir || typeof msg !== 'object') return
  if (msg.profile === 'start') {
    session ??= new inspector.Session()
    session.connect()
    session.post('Profiler.enable', () => session.post('Profiler.start', () => process.send({ profiling: true })))
  } else if (msg.profile === 'stop') {
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(profDir, `${msg.label}.cpuprofile`), JSON.stringify(res.profile))
      session.disconnect()
      process.send({ profiling: false })
    })
  }
})
// If the bench dies without killing us, do not linger.
process.on('disconnect', () => process.exit(0))
