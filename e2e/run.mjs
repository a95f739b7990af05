// Runs the H5 journeys (e2e/journeys/*.mjs) against a built dist-h5 in Debian Chromium and prints
// one line per journey plus the totals. Usage: node e2e/run.mjs [name-filter...]
//   H5_DIR (dist-h5) picks the build; JOURNEY_TIMEOUT_MS (180000) bounds each journey.
// A journey module exports `title` (optional) and its journey: the default export, or a named
// `run…Journey` function: `async (ctx) => figures?` that throws on failure, where
// ctx = { browser, base (= baseUrl), baseUrl, newPage(), shot(page, name), log(...) }.
// A journey that returns an object gets it printed as its figures. Each journey gets fresh
// browser contexts (empty storage: a first visit). On failure, every page it opened is saved
// as e2e/shots/<journey>-failure-<n>.png.
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launch, newPage, shot } from './lib.mjs'
import { serve } from './serve-static.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const h5Dir = process.env.H5_DIR || 'dist-h5'
const timeoutMs = Number(process.env.JOURNEY_TIMEOUT_MS || 180_000)
const filters = process.argv.slice(2)

if (!existsSync(join(h5Dir, 'index.html'))) {
  console.error(`no ${h5Dir}/index.html: run npm run build:h5 first`)
  console.log('e2e: 0 passed, 1 failed')
  process.exit(1)
}

const files = readdirSync(join(here, 'journeys')).filter((f) => f.endsWith('.mjs')).sort()
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))

const server = await serve(h5Dir, 0)
const browser = await launch()
let passed = 0
let failed = 0
for (const file of files) {
  const name = basename(file, '.mjs')
  const mod = await import(join(here, 'journeys', file))
  const journey = typeof mod.default === 'function' ? mod.default
    : Object.entries(mod).find(([key, value]) => /^run\w*Journey$/.test(key) && typeof value === 'function')?.[1]
  const pages = []
  const contexts = []
  const ctx = {
    browser,
    baseUrl: server.url,
    base: server.url,
    async newPage(options) {
      const opened = await newPage(browser, options)
      pages.push(opened)
      contexts.push(opened.context)
      return opened
    },
    shot: (page, shotName) => shot(page, `${name}-${shotName}`),
    log: (...args) => console.log(`   ${name}:`, ...args)
  }
  const started = Date.now()
  let timer
  try {
    if (!journey) throw new Error('exports no journey (a default export or a run…Journey function)')
    const figures = await Promise.race([
      journey(ctx),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${mod.timeoutMs ?? timeoutMs} ms`)), mod.timeoutMs ?? timeoutMs) })
    ])
    passed++
    console.log(`PASS ${name} — ${mod.title ?? ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    if (figures && typeof figures === 'object') console.log(`   figures: ${JSON.stringify(figures)}`)
  } catch (e) {
    failed++
    console.log(`FAIL ${name} — ${mod.title ?? ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    console.log(`   ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n   ')}`)
    for (const [i, p] of pages.entries()) {
      if (p.errors.length) console.log(`   page errors: ${p.errors.slice(0, 5).join(' | ')}`)
      await shot(p.page, `${name}-failure-${i + 1}`).then((path) => console.log(`   screenshot: ${path}`), () => undefined)
    }
  } finally {
    clearTimeout(timer)
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
  }
}
await browser.close()
server.close()
console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exit(failed || !files.length ? 1 : 0)
