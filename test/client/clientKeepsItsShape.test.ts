// The client's shape, checked rather than hoped for: features talk to each other only through their index.ts,
// never in a circle; the client never imports the server; stylesheets take colours and breakpoints only from
// the design tokens.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../client/src')
const FEATURES = join(SRC, 'features')

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : []
  })
}

const sources = files(SRC, /\.tsx?$/)
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!))
const featureOf = (path: string) => (path.startsWith(FEATURES + '/') ? relative(FEATURES, path).split('/')[0]! : null)

describe('the client keeps its shape', () => {
  it('reaches into another feature only through its index.ts', () => {
    const bad: string[] = []
    for (const file of sources) {
      const from = featureOf(file)
      for (const target of imports(file)) {
        const to = featureOf(target)
        if (!to || to === from) continue
        if (relative(join(FEATURES, to), target) !== 'index.js') bad.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('has no circle among the features', () => {
    const edges = new Map<string, Set<string>>()
    for (const file of sources) {
      const from = featureOf(file)
      if (!from) continue
      for (const target of imports(file)) {
        const to = featureOf(target)
        if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to)
      }
    }
    const cycles: string[] = []
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '))
      for (const next of edges.get(node) ?? []) visit(next, [...path, node])
    }
    for (const node of edges.keys()) visit(node, [])
    expect(cycles).toEqual([])
    // The layers as they stand, so that a new edge is a decision: the board knows nothing of the workshop.
    expect([...(edges.get('board') ?? [])].sort()).toEqual(['presence'])
  })

  it('never imports the server, and ui/ and lib/ import no feature', () => {
    const bad = sources.flatMap((file) =>
      imports(file)
        .filter((t) => t.includes('/server/') || (/\/(ui|lib)\//.test(file) && featureOf(t)))
        .map((t) => `${relative(SRC, file)} -> ${t}`),
    )
    expect(bad).toEqual([])
  })

  it('takes colours and breakpoints from the design tokens only', () => {
    const sheets = files(SRC, /\.css$/).filter((f) => !/tokens\.css$|media\.css$/.test(f))
    const found: string[] = []
    for (const sheet of sheets) {
      readFileSync(sheet, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .split('\n')
        .forEach((line, i) => {
          const where = `${relative(SRC, sheet)}:${i + 1}: ${line.trim()}`
          if (/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|\boklch\(/i.test(line)) found.push(where)
          if (/@media[^{]*\d+(px|rem|em)/.test(line)) found.push(where)
        })
    }
    expect(found).toEqual([])
  })
})
