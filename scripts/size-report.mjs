// `npm run size`: bytes of the production weapp main package and of each subpackage (from
// dist/app.json subPackages), and the H5 first-load JS (scripts in dist-h5/index.html), against
// size-budget.json. Exits 1 above budget. Options: --build (build both first), --json.
//   WEAPP_DIR (dist), H5_DIR (dist-h5) point at other outputs.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const weappDir = path.resolve(root, process.env.WEAPP_DIR || 'dist')
const weappDirDefault = weappDir
const h5Dir = path.resolve(root, process.env.H5_DIR || 'dist-h5')
const budget = JSON.parse(fs.readFileSync(path.join(root, 'size-budget.json'), 'utf8'))
const args = new Set(process.argv.slice(2))

if (args.has('--build')) {
  execSync('npx taro build --type weapp', { cwd: root, stdio: 'inherit', env: { ...process.env, WEAPP_OUT: path.relative(root, weappDir) } })
  execSync('npx taro build --type h5', { cwd: root, stdio: 'inherit', env: { ...process.env, H5_OUT: path.relative(root, h5Dir) } })
}

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? d.path, d.name)))
}
const bytes = (file) => fs.statSync(file).size
const kb = (n) => `${(n / 1000).toFixed(1)} kB`

// LICENSE notes, source maps and the DevTools project files are not part of the code package.
const shipped = (f) => !/\.(LICENSE\.txt|map)$/.test(f) && !/^project(\.private)?\.config\.json$/.test(f)

function weappSizes(weappDir = weappDirDefault) {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r.slice(0, -1), 0])) }
  const owner = {}
  for (const f of files(weappDir).filter(shipped)) {
    const unix = f.split(path.sep).join('/')
    const sub = roots.find((r) => unix.startsWith(r))
    if (sub) sizes.subpackages[sub.slice(0, -1)] += bytes(path.join(weappDir, f))
    else sizes.main += bytes(path.join(weappDir, f))
    owner[unix] = sub ? sub.slice(0, -1) : 'main'
  }
  return { ...sizes, owner }
}

function h5FirstLoad() {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''))
  let raw = 0
  let gzip = 0
  for (const s of scripts) {
    const body = fs.readFileSync(path.join(h5Dir, s))
    raw += body.length
    gzip += zlib.gzipSync(body).length
  }
  return { scripts, raw, gzip }
}

/**
 * A library's share of the output: its module source (pre-minification) against all module source
 * in scope, and an estimate of its output bytes: each JS file's bytes × the library's share of the
 * module source in the chunk that emits that file.
 */
function libraryShare(statsFile, outDir, pattern, inScope = () => true) {
  if (!fs.existsSync(statsFile)) return null
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'))
  const perChunk = new Map(stats.chunks.map((c) => [c.id, { files: c.files.filter((f) => f.endsWith('.js') && inScope(f)), total: 0, lib: 0 }]))
  let total = 0
  let lib = 0
  for (const m of stats.modules) {
    const hit = pattern.test(m.name)
    let counted = false
    for (const id of m.chunks) {
      const c = perChunk.get(id)
      if (!c || !c.files.length) continue
      c.total += m.size
      if (hit) c.lib += m.size
      counted = true
    }
    if (!counted) continue
    total += m.size
    if (hit) lib += m.size
  }
  let outputBytes = 0
  for (const c of perChunk.values()) {
    if (!c.total) continue
    for (const f of c.files) outputBytes += Math.round(bytes(path.join(outDir, f)) * (c.lib / c.total))
  }
  return { total, lib, share: total ? lib / total : 0, outputBytes }
}

const rows = []
let over = 0
const row = (what, size, limit, note = '') => {
  const ok = limit === undefined || size <= limit
  if (!ok) over++
  rows.push({ what, bytes: size, budget: limit ?? null, ok, note })
}

const weapp = weappSizes()
row('weapp main package (demo: embedded mock)', weapp.main, budget.weapp.mainPackage)
// The build a community ships talks to a real backend over HTTP: no mock in the package.
const httpDir = path.resolve(root, process.env.WEAPP_HTTP_DIR || 'dist-weapp-http')
if (fs.existsSync(path.join(httpDir, 'app.json'))) {
  row('weapp main package (HTTP transport)', weappSizes(httpDir).main, budget.weapp.mainPackageHttp)
} else {
  rows.push({ what: 'weapp main package (HTTP transport)', bytes: null, budget: budget.weapp.mainPackageHttp, ok: true, note: `no ${path.relative(root, httpDir)}/app.json (LINLI_TRANSPORT=http WEAPP_OUT=${path.relative(root, httpDir)} taro build --type weapp)` })
}
for (const [name, size] of Object.entries(weapp.subpackages)) row(`weapp subpackage ${name}/`, size, budget.weapp.eachSubpackage)
const h5 = fs.existsSync(path.join(h5Dir, 'index.html')) ? h5FirstLoad() : null
if (h5) row('H5 first-load JS', h5.raw, budget.h5.firstLoadJs, `gzip ${kb(h5.gzip)}; ${h5.scripts.join(', ')}`)
else rows.push({ what: 'H5 first-load JS', bytes: null, budget: null, ok: true, note: `no ${path.relative(root, h5Dir)}/index.html (run npm run build:h5)` })

// Whose code fills the main package: zod (schemas shared with the mock) and the embedded mock.
const parts = { zod: /node_modules[\\/]zod[\\/]/, 'embedded mock (mock/)': /^\.\/mock[\\/]/ }
const statsName = (dir) => path.join(root, '.size', `${path.basename(dir)}-stats.json`)
const shares = Object.entries(parts).map(([name, pattern]) => ({
  name,
  weappMain: libraryShare(statsName(weappDir), weappDir, pattern, (f) => weapp.owner[f] === 'main'),
  h5FirstLoad: h5 ? libraryShare(statsName(h5Dir), h5Dir, pattern, (f) => h5.scripts.includes(f)) : null
}))

if (args.has('--json')) {
  console.log(JSON.stringify({ rows, shares }, null, 2))
} else {
  const w = Math.max(...rows.map((r) => r.what.length))
  console.log(`${'what'.padEnd(w)}  ${'bytes'.padStart(9)}  ${'budget'.padStart(9)}  status`)
  for (const r of rows) {
    console.log(`${r.what.padEnd(w)}  ${String(r.bytes ?? '-').padStart(9)}  ${String(r.budget ?? '-').padStart(9)}  ${r.ok ? 'ok  ' : 'OVER'}  ${r.note}`)
  }
  const share = (label, name, s) => s && console.log(`${label}: ${name} ≈ ${kb(s.outputBytes)} of the output (${kb(s.lib)} of ${kb(s.total)} module source before minification, ${(s.share * 100).toFixed(1)}%)`)
  for (const s of shares) {
    share('weapp main package', s.name, s.weappMain)
    share('H5 first load', s.name, s.h5FirstLoad)
  }
  if (!shares[0].weappMain) console.log(`(no ${path.relative(root, statsName(weappDir))}: shares are measured from a production build's stats)`)
}
if (over) console.error(`${over} size budget(s) exceeded (size-budget.json)`)
process.exit(over ? 1 : 0)
