// `npm run first-screen`: 邻里's H5 first screen against the empty Taro 4 app, side by side, in one run.
//  1. builds the app's H5 (dist-h5) and the empty Taro 4 app (scripts/empty-taro, copied to a temp dir
//     with the repo's node_modules linked in) — or reuses both builds with --reuse;
//  2. first-load JS of each: the <script src> files of index.html, raw and gzip;
//  3. serves both on 127.0.0.1 (e2e/serve-static.mjs) and runs Lighthouse (mobile, its default
//     simulated throttling) N times on each, interleaved, taking the median of performance,
//     accessibility, LCP and TBT. Lighthouse is not a dependency: it is installed on demand into
//     ~/.cache/linli-lh (LIGHTHOUSE_CACHE). If it cannot run, or with --engine playwright, LCP and TBT
//     come from playwright-core + PerformanceObserver under CDP CPU throttling ×4 instead (no network
//     throttling there: compare the two apps with each other, not with Lighthouse figures).
// Options: --reuse, --runs N (3), --engine lighthouse|playwright, --json, --out FILE (JSON written).
// Exits 1 when a goal of issue 10 is missed: first-load JS ≤ 1.6× the empty app, performance within
// 10 points of it, accessibility ≥ 95.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import { serve } from '../e2e/serve-static.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const argv = process.argv.slice(2)
const flag = (name) => argv.includes(name)
const option = (name, fallback) => {
  const i = argv.indexOf(name)
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback
}
const runs = Math.max(1, Number(option('--runs', '3')))
const reuse = flag('--reuse')
let engine = option('--engine', 'lighthouse')
const LH_VERSION = '12.8.2' // 13.x needs Node ≥ 22.19; this machine runs Node 20
const lhCache = process.env.LIGHTHOUSE_CACHE || path.join(os.homedir(), '.cache', 'linli-lh')
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium'
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
const GOALS = { bytesRatio: 1.6, performanceGap: 10, accessibility: 95 }

const log = (...a) => console.error('[first-screen]', ...a)
const taroBin = path.join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro')

// ── builds ──────────────────────────────────────────────────────────────────────────────────────
const appDir = path.resolve(root, process.env.H5_DIR || 'dist-h5')
const emptyProject = path.join(os.tmpdir(), 'linli-empty-taro')
const emptyDir = path.join(emptyProject, 'dist-h5')

/** Taro's progress output is long: kept in a log file, shown only when the build fails. */
function taroBuild(cwd, env, logName) {
  const logFile = path.join(os.tmpdir(), `linli-first-screen-${logName}.log`)
  const fd = fs.openSync(logFile, 'w')
  try {
    execFileSync(process.execPath, [taroBin, 'build', '--type', 'h5'], { cwd, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } })
  } catch (e) {
    console.error(fs.readFileSync(logFile, 'utf8').slice(-4000))
    throw e
  } finally {
    fs.closeSync(fd)
  }
}

function buildApp() {
  log('building the app (H5) →', path.relative(root, appDir))
  taroBuild(root, { H5_OUT: path.relative(root, appDir) }, 'app')
}

function buildEmpty() {
  log('building the empty Taro 4 app (H5) in', emptyProject)
  fs.rmSync(emptyProject, { recursive: true, force: true })
  fs.cpSync(path.join(root, 'scripts', 'empty-taro'), emptyProject, { recursive: true })
  // Same Taro, React and webpack as the app: the repo's own node_modules.
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(emptyProject, 'node_modules'), 'dir')
  taroBuild(emptyProject, { H5_OUT: 'dist-h5' }, 'empty')
}

const built = (dir) => fs.existsSync(path.join(dir, 'index.html'))
if (!reuse || !built(appDir)) buildApp()
if (!reuse || !built(emptyDir)) buildEmpty()

// ── bytes ───────────────────────────────────────────────────────────────────────────────────────
function firstLoad(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''))
  let raw = 0
  let gzip = 0
  for (const s of scripts) {
    const body = fs.readFileSync(path.join(dir, s))
    raw += body.length
    gzip += zlib.gzipSync(body, { level: 9 }).length
  }
  return { scripts, raw, gzip }
}

// ── timings ─────────────────────────────────────────────────────────────────────────────────────
async function loadLighthouse() {
  const entry = path.join(lhCache, 'node_modules', 'lighthouse', 'core', 'index.js')
  const installed = () => {
    try {
      return JSON.parse(fs.readFileSync(path.join(lhCache, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version === LH_VERSION
    } catch {
      return false
    }
  }
  if (!installed()) {
    log(`installing lighthouse@${LH_VERSION} into ${lhCache} (once)`)
    fs.mkdirSync(lhCache, { recursive: true })
    execFileSync('npm', ['i', '--prefix', lhCache, `lighthouse@${LH_VERSION}`, '--no-audit', '--no-fund', '--no-save'], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const lighthouse = (await import(pathToFileURL(entry).href)).default
  const chromeLauncher = await import(pathToFileURL(path.join(lhCache, 'node_modules', 'chrome-launcher', 'dist', 'index.js')).href)
  return { lighthouse, chromeLauncher }
}

async function lighthouseRun(lh, url) {
  const chrome = await lh.chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS })
  try {
    const result = await lh.lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
    const { categories, audits } = result.lhr
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message)
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue),
      fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
      failedA11y: Object.values(audits).filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id)).map((a) => a.id)
    }
  } finally {
    await chrome.kill()
  }
}

/** Fallback: a real load at 375×667 under CPU throttling ×4; LCP from PerformanceObserver, TBT as the sum of (long task − 50 ms) until 3 s after load. */
async function playwrightRun(url) {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.filter((f) => f !== '--headless') })
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.addInitScript(() => {
      const w = window
      w.__fs = { lcp: 0, tbt: 0, fcp: 0 }
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__fs.lcp = e.startTime }).observe({ type: 'largest-contentful-paint', buffered: true })
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__fs.tbt += Math.max(0, e.duration - 50) }).observe({ type: 'longtask', buffered: true })
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') w.__fs.fcp = e.startTime }).observe({ type: 'paint', buffered: true })
    })
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForTimeout(3000)
    const m = await page.evaluate(() => window.__fs)
    return { performance: null, accessibility: null, lcpMs: Math.round(m.lcp), tbtMs: Math.round(m.tbt), fcpMs: Math.round(m.fcp), failedA11y: [] }
  } finally {
    await browser.close()
  }
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b)
  if (!v.length) return null
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : Math.round((v[mid - 1] + v[mid]) / 2)
}

// ── run ─────────────────────────────────────────────────────────────────────────────────────────
const targets = { app: { dir: appDir, bytes: firstLoad(appDir), samples: [] }, empty: { dir: emptyDir, bytes: firstLoad(emptyDir), samples: [] } }
let lh = null
if (engine === 'lighthouse') {
  try {
    lh = await loadLighthouse()
  } catch (e) {
    log(`Lighthouse cannot run here (${e.message}); measuring LCP/TBT with playwright-core instead`)
    engine = 'playwright'
  }
}
const servers = {}
try {
  for (const [name, t] of Object.entries(targets)) servers[name] = await serve(t.dir, 0)
  for (let i = 0; i < runs; i++) {
    // Interleaved, so both meet the same load on a shared machine.
    for (const name of Object.keys(targets)) {
      const url = `${servers[name].url}/`
      let sample
      try {
        sample = engine === 'lighthouse' ? await lighthouseRun(lh, url) : await playwrightRun(url)
      } catch (e) {
        log(`${name} run ${i + 1} failed: ${e.message}`)
        continue
      }
      targets[name].samples.push(sample)
      log(`${name} run ${i + 1}/${runs}:`, JSON.stringify({ ...sample, failedA11y: undefined }))
    }
  }
} finally {
  for (const s of Object.values(servers)) s.close()
}

const summary = {}
for (const [name, t] of Object.entries(targets)) {
  const pick = (k) => median(t.samples.map((s) => s[k]))
  summary[name] = {
    firstLoadJs: { raw: t.bytes.raw, gzip: t.bytes.gzip, scripts: t.bytes.scripts },
    runs: t.samples.length,
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    fcpMs: pick('fcpMs'),
    performanceRange: t.samples.length ? [Math.min(...t.samples.map((s) => s.performance ?? 0)), Math.max(...t.samples.map((s) => s.performance ?? 0))] : null,
    failedA11y: [...new Set(t.samples.flatMap((s) => s.failedA11y))]
  }
}
const a = summary.app
const e = summary.empty
const ratio = (x, y) => (typeof x === 'number' && typeof y === 'number' && y ? Math.round((x / y) * 100) / 100 : null)
const ratios = { rawBytes: ratio(a.firstLoadJs.raw, e.firstLoadJs.raw), gzipBytes: ratio(a.firstLoadJs.gzip, e.firstLoadJs.gzip), lcp: ratio(a.lcpMs, e.lcpMs), tbt: ratio(a.tbtMs, e.tbtMs) }
const goals = {
  bytes: ratios.rawBytes !== null && ratios.rawBytes <= GOALS.bytesRatio,
  performance: engine === 'lighthouse' ? a.performance !== null && e.performance !== null && e.performance - a.performance <= GOALS.performanceGap : null,
  accessibility: engine === 'lighthouse' ? a.accessibility !== null && a.accessibility >= GOALS.accessibility : null
}
const report = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${os.platform()} ${os.release()}, node ${process.version}`, engine, lighthouse: engine === 'lighthouse' ? LH_VERSION : null, runs, summary, ratios, goals }

const outFile = option('--out', null)
if (outFile) fs.writeFileSync(path.resolve(outFile), JSON.stringify(report, null, 2))
if (flag('--json')) {
  console.log(JSON.stringify(report, null, 2))
} else {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`
  const ms = (n) => (n === null ? '-' : `${(n / 1000).toFixed(2)} s`)
  const rows = [
    ['first-load JS (raw)', kb(a.firstLoadJs.raw), kb(e.firstLoadJs.raw), `${ratios.rawBytes}×`],
    ['first-load JS (gzip)', kb(a.firstLoadJs.gzip), kb(e.firstLoadJs.gzip), `${ratios.gzipBytes}×`],
    ['performance (median)', String(a.performance ?? '-'), String(e.performance ?? '-'), a.performance !== null && e.performance !== null ? `${a.performance - e.performance} points` : '-'],
    ['accessibility (median)', String(a.accessibility ?? '-'), String(e.accessibility ?? '-'), ''],
    ['LCP (median)', ms(a.lcpMs), ms(e.lcpMs), ratios.lcp === null ? '-' : `${ratios.lcp}×`],
    ['TBT (median)', `${a.tbtMs ?? '-'} ms`, `${e.tbtMs ?? '-'} ms`, ratios.tbt === null ? '-' : `${ratios.tbt}×`],
    ['FCP (median)', ms(a.fcpMs), ms(e.fcpMs), '']
  ]
  console.log(`${report.date} · ${report.machine} · ${engine}${report.lighthouse ? ' ' + report.lighthouse + ' (mobile, simulated throttling)' : ' (CPU ×4)'} · ${runs} run(s) each`)
  console.log(`${''.padEnd(24)}${'邻里'.padStart(12)}${'empty Taro 4'.padStart(14)}   ratio`)
  for (const r of rows) console.log(`${r[0].padEnd(24)}${r[1].padStart(12)}${r[2].padStart(14)}   ${r[3]}`)
  if (a.failedA11y.length) console.log(`邻里 accessibility audits failed: ${a.failedA11y.join(', ')}`)
  if (e.failedA11y.length) console.log(`empty app accessibility audits failed: ${e.failedA11y.join(', ')}`)
  console.log(`goals: first-load JS ≤ ${GOALS.bytesRatio}× ${goals.bytes ? 'met' : 'NOT met'}; performance within ${GOALS.performanceGap} points ${goals.performance === null ? 'not measured' : goals.performance ? 'met' : 'NOT met'}; accessibility ≥ ${GOALS.accessibility} ${goals.accessibility === null ? 'not measured' : goals.accessibility ? 'met' : 'NOT met'}`)
}
process.exit(Object.values(goals).some((g) => g === false) ? 1 : 0)
