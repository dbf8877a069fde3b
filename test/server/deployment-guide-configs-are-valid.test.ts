// The README's deployment guide holds a working nginx configuration: the block is taken from the README as an
// operator would copy it, wrapped in the least nginx needs around a server block, and checked with nginx -t.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/server.js'

const NGINX = '/usr/sbin/nginx'
const present = existsSync(NGINX)
// Installed by .ci/run; on a machine without it the check says so and skips, never under CI.
const skip = !present && process.env.CI !== 'true'
if (skip) console.warn(`skipping the nginx syntax check: ${NGINX} is not installed (apt-get install nginx-light)`)

describe.skipIf(skip)('the deployment guide', () => {
  it('gives an nginx configuration that nginx accepts, passing WebSockets on /ws/', async () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
    const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(block).toBeDefined()
    expect(block).toMatch(/location \/ws\/[\s\S]*proxy_set_header Upgrade \$http_upgrade/)
    const dir = tempDir()
    mkdirSync(join(dir, 'logs'), { recursive: true })
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n${block}\n}\n`)
    const { stderr } = await promisify(execFile)(NGINX, ['-t', '-p', dir, '-c', conf])
    expect(stderr).toMatch(/syntax is ok/)
    expect(stderr).toMatch(/test is successful/)
  })
})
