#!/usr/bin/env node
// Sampled mutation score for the whole of `stryker.config.mjs` `mutate` (issue 11).
//
// The full Stryker run is ~10,000 mutants (more than a day on the shared 2-core machine), so this
// script estimates the whole-population score from a uniform random sample:
//   1. Stryker's own instrumenter (@stryker-mutator/instrumenter, the one `npm run mutate` uses)
//      enumerates every mutant of every file in the config's `mutate` set: the population.
//   2. N mutants are drawn uniformly without replacement with a seeded PRNG (mulberry32).
//   3. Each is type-checked by one long-lived TypeScript LanguageService (semantic + syntactic
//      diagnostics of the one mutated file, with Stryker's checker overrides: unused locals and
//      parameters and unreachable code allowed). A mutant TypeScript rejects is a compile error and
//      is left out of the score, as Stryker does.
//   4. The others are applied IN PLACE in this checkout (the original is saved to
//      reports/sample/.restore/ first and always put back: finally, SIGINT/SIGTERM, and at the next
//      start if the process was killed) and jest runs only the test files that executed the mutated
//      code (per-test-file istanbul coverage, collected once by scripts/mutate-sample-coverage.cjs
//      and refreshed for test files that are new or changed), with --bail and a timeout of
//      20 s + 2 × their measured duration + startup, likeliest killers and fastest first
//      (scripts/mutate-sample-sequencer.cjs). No test executes it: no coverage (survived).
//   5. Results are appended to reports/sample/<run>.jsonl as they come (a killed run resumes where
//      it stopped); the report (score, Wilson 95 % interval, per folder, survivors) goes to the
//      console and reports/sample/<run>.json.
//
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker's.
//
// Options: --n 200 --seed 11 --files <glob,glob> --skip-mutation-tests (leave out
// *.mutation.test.ts(x): "before") --list (print the sample only) --report-only (re-print from the
// JSON) --rerun-survivors (run survived / no-coverage mutants again, e.g. after writing tests)
// --from <run> (start from another run's results: killed, timeout and compile errors are copied,
// the rest is run) --run <name> (results file name; default from n, seed, files, skip)
// --timeout-factor 2 --max <k> (stop after k mutants run in this invocation).
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Instrumenter } from '@stryker-mutator/instrumenter'
import { glob } from 'glob'
import { minimatch } from 'minimatch'

const require = createRequire(import.meta.url)
const ts = require('typescript')

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = path.join(ROOT, 'reports/sample')
const RESTORE_DIR = path.join(OUT_DIR, '.restore')
const COVERAGE_FILE = path.join(OUT_DIR, 'coverage.json')
const JEST = path.join(ROOT, 'node_modules/jest/bin/jest.js')
const JEST_CONFIG = 'jest.mutate.config.js'
const MUTATION_TEST = /\.mutation\.test\.tsx?$/

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = { n: 200, seed: 11, files: null, skip: false, list: false, reportOnly: false, rerun: false, from: null, run: null, timeoutFactor: 2, max: Infinity }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const val = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--n') o.n = Number(val())
    else if (a === '--seed') o.seed = Number(val())
    else if (a === '--files') o.files = val().split(',').map((s) => s.trim()).filter(Boolean)
    else if (a === '--skip-mutation-tests') o.skip = true
    else if (a === '--list') o.list = true
    else if (a === '--report-only') o.reportOnly = true
    else if (a === '--rerun-survivors') o.rerun = true
    else if (a === '--from') o.from = val()
    else if (a === '--run') o.run = val()
    else if (a === '--timeout-factor') o.timeoutFactor = Number(val())
    else if (a === '--max') o.max = Number(val())
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).join('\n'))
      process.exit(0)
    } else throw new Error(`unknown option ${a}`)
  }
  if (!Number.isInteger(o.n) || o.n < 1) throw new Error('--n must be a positive integer')
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be an integer')
  if (!o.run) {
    const files = o.files ? '-' + crypto.createHash('sha1').update(o.files.join(',')).digest('hex').slice(0, 6) : ''
    o.run = `seed${o.seed}${files}${o.skip ? '-before' : ''}`
  }
  return o
}

// ---------------------------------------------------------------------------------------------
// Population: the same files as stryker.config.mjs `mutate`, the same instrumenter.

async function mutateFiles(filter) {
  const config = (await import(pathToFileURL(path.join(ROOT, 'stryker.config.mjs')).href)).default
  const patterns = config.mutate
  const positive = patterns.filter((p) => !p.startsWith('!'))
  const candidates = new Set()
  for (const p of positive) for (const f of await glob(p, { cwd: ROOT, nodir: true, ignore: ['node_modules/**'] })) candidates.add(f.split(path.sep).join('/'))
  // Stryker applies the patterns in order: a later `!pattern` removes, a later pattern adds back.
  const files = [...candidates].filter((f) => {
    let keep = false
    for (const p of patterns) {
      if (p.startsWith('!')) {
        if (minimatch(f, p.slice(1), { dot: true })) keep = false
      } else if (minimatch(f, p, { dot: true })) keep = true
    }
    return keep
  })
  return files.filter((f) => !filter || filter.some((g) => minimatch(f, g, { dot: true }))).sort()
}

const quietLogger = {
  debug() {}, info() {}, trace() {}, fatal: console.error, error: console.error, warn: console.warn,
  isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => true, isErrorEnabled: () => true, isFatalEnabled: () => true
}

function lineStarts(text) {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

async function population(files) {
  const instrumenter = new Instrumenter(quietLogger)
  const mutants = []
  for (const file of files) {
    const content = fs.readFileSync(path.join(ROOT, file), 'utf8')
    const { mutants: found } = await instrumenter.instrument([{ name: file, mutate: true, content }], { plugins: null, excludedMutations: [], ignorers: [] })
    const starts = lineStarts(content)
    for (const m of found) {
      if (m.status === 'Ignored') continue
      // Stryker locations: lines 0-based, columns 0-based (UTF-16 units, as JS string indexes).
      const { start, end } = m.location
      const from = starts[start.line] + start.column
      const to = starts[end.line] + end.column
      const key = `${file}@${start.line + 1}:${start.column}-${end.line + 1}:${end.column}#${m.mutatorName}=${m.replacement}`
      mutants.push({
        id: crypto.createHash('sha1').update(key).digest('hex').slice(0, 10),
        key,
        file,
        line: start.line + 1,
        endLine: end.line + 1,
        from,
        to,
        mutator: m.mutatorName,
        original: content.slice(from, to),
        replacement: m.replacement
      })
    }
  }
  return mutants
}

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function draw(all, n, seed) {
  const rand = mulberry32(seed)
  const idx = all.map((_, i) => i)
  const k = Math.min(n, idx.length)
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (idx.length - i))
    ;[idx[i], idx[j]] = [idx[j], idx[i]]
  }
  // Kept in draw order: the first k of a draw of N are the draw of k (same seed), so a run cut
  // short is still a uniform sample (re-run with --n k to report it).
  return idx.slice(0, k).map((i) => all[i])
}

// ---------------------------------------------------------------------------------------------
// Type check: one LanguageService for the whole tsconfig, one file's text swapped per mutant.

function createChecker() {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')) } })
  // Stryker's typescript-checker overrides (COMPILER_OPTIONS_OVERRIDES).
  const options = { ...parsed.options, noEmit: true, allowUnreachableCode: true, noUnusedLocals: false, noUnusedParameters: false }
  const overrides = new Map()
  const versions = new Map()
  const host = {
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const text = overrides.has(f) ? overrides.get(f) : ts.sys.readFile(f)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => overrides.has(f) || ts.sys.fileExists(f),
    readFile: (f) => (overrides.has(f) ? overrides.get(f) : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories
  }
  const service = ts.createLanguageService(host, ts.createDocumentRegistry())
  const errors = (abs) => [...service.getSyntacticDiagnostics(abs), ...service.getSemanticDiagnostics(abs)].filter((d) => d.category === ts.DiagnosticCategory.Error)
  const baseline = new Map()
  return {
    /** The first new TypeScript error the mutated text has, or null. */
    check(file, text) {
      const abs = path.join(ROOT, file)
      if (!baseline.has(abs)) baseline.set(abs, new Set(errors(abs).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))))
      overrides.set(abs, text)
      versions.set(abs, (versions.get(abs) ?? 0) + 1)
      try {
        const fresh = errors(abs).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).filter((m) => !baseline.get(abs).has(m))
        return fresh.length ? fresh[0] : null
      } finally {
        overrides.delete(abs)
        versions.set(abs, (versions.get(abs) ?? 0) + 1)
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Applying a mutant in place, and always putting the original back.

let applied = null // { abs, original }
let child = null

function restoreFile() {
  if (!applied) return
  fs.writeFileSync(applied.abs, applied.original)
  fs.rmSync(applied.backup, { force: true })
  applied = null
}

function recoverEarlierRun() {
  if (!fs.existsSync(RESTORE_DIR)) return
  for (const name of fs.readdirSync(RESTORE_DIR)) {
    const rel = Buffer.from(name, 'base64url').toString()
    fs.writeFileSync(path.join(ROOT, rel), fs.readFileSync(path.join(RESTORE_DIR, name)))
    fs.rmSync(path.join(RESTORE_DIR, name))
    console.warn(`restored ${rel} left mutated by an interrupted run`)
  }
}

function apply(m, text) {
  const abs = path.join(ROOT, m.file)
  const original = fs.readFileSync(abs, 'utf8')
  fs.mkdirSync(RESTORE_DIR, { recursive: true })
  const backup = path.join(RESTORE_DIR, Buffer.from(m.file).toString('base64url'))
  fs.writeFileSync(backup, original)
  applied = { abs, original, backup }
  fs.writeFileSync(abs, text)
}

const LOCK_FILE = path.join(OUT_DIR, '.lock')

function takeLock() {
  if (fs.existsSync(LOCK_FILE)) {
    const pid = Number(fs.readFileSync(LOCK_FILE, 'utf8'))
    let alive = false
    try { process.kill(pid, 0); alive = pid !== process.pid } catch { /* not running */ }
    if (alive) throw new Error(`another mutate:sample run (pid ${pid}) is mutating this checkout; wait for it or stop it`)
  }
  fs.writeFileSync(LOCK_FILE, String(process.pid))
  process.on('exit', () => {
    try { if (Number(fs.readFileSync(LOCK_FILE, 'utf8')) === process.pid) fs.rmSync(LOCK_FILE) } catch { /* gone */ }
  })
}

function onSignal(sig) {
  if (child) try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ }
  restoreFile()
  console.error(`\n${sig}: source restored; results so far are kept (run again to resume)`)
  process.exit(130)
}

// ---------------------------------------------------------------------------------------------
// Coverage per test file (which tests can see a mutant) and jest runs.

function jestEnv(skip) {
  const env = { ...process.env, FORCE_COLOR: '0' }
  if (skip) env.MUTATE_SKIP = [process.env.MUTATE_SKIP, 'mutation\\.test\\.'].filter(Boolean).join(',')
  return env
}

function runJest(args, { env, timeoutMs }) {
  return new Promise((resolve) => {
    const started = Date.now()
    let out = ''
    child = spawn(process.execPath, [JEST, '--config', JEST_CONFIG, '--maxWorkers=1', '--ci', ...args], { cwd: ROOT, env, detached: true })
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { out += d })
    let timedOut = false
    const timer = timeoutMs ? setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ } }, timeoutMs) : null
    child.on('close', (code) => {
      if (timer) clearTimeout(timer)
      child = null
      resolve({ code, out, timedOut, ms: Date.now() - started })
    })
  })
}

async function listTests(skip) {
  const { out } = await runJest(['--listTests'], { env: jestEnv(skip) })
  return out.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('/')).map((l) => path.relative(ROOT, l).split(path.sep).join('/')).sort()
}

async function coverage(tests) {
  let cov = fs.existsSync(COVERAGE_FILE) ? JSON.parse(fs.readFileSync(COVERAGE_FILE, 'utf8')) : { tests: {} }
  const stale = tests.filter((t) => {
    const c = cov.tests[t]
    return !c || c.mtimeMs !== fs.statSync(path.join(ROOT, t)).mtimeMs
  })
  if (stale.length) {
    console.log(`coverage: running ${stale.length} test file(s) once with coverage (new or changed)…`)
    const tmp = path.join(OUT_DIR, '.coverage-run.json')
    const r = await runJest(['--coverage', '--collectCoverageFrom=mock/**/*.ts', '--collectCoverageFrom=src/core/**/*.{ts,tsx}', '--coverageReporters=json-summary', `--coverageDirectory=${path.join(OUT_DIR, '.coverage')}`, '--reporters=./scripts/mutate-sample-coverage.cjs', '--runTestsByPath', ...stale], { env: { ...jestEnv(false), MUTATE_SAMPLE_COVERAGE_OUT: tmp } })
    if (!fs.existsSync(tmp)) throw new Error(`coverage run failed (exit ${r.code}):\n${r.out.slice(-3000)}`)
    const fresh = JSON.parse(fs.readFileSync(tmp, 'utf8'))
    fs.rmSync(tmp)
    for (const t of stale) {
      if (!fresh[t]) throw new Error(`coverage run did not report ${t}:\n${r.out.slice(-3000)}`)
      cov.tests[t] = { ...fresh[t], mtimeMs: fs.statSync(path.join(ROOT, t)).mtimeMs }
    }
    fs.writeFileSync(COVERAGE_FILE, JSON.stringify(cov))
  }
  const failing = tests.filter((t) => cov.tests[t].failed)
  if (failing.length) throw new Error(`these test files fail on the unmutated code; fix them first: ${failing.join(', ')}`)
  return cov
}

/** Test files that executed any of the mutant's lines (line granularity: conservative). */
function coveringTests(m, tests, cov) {
  return tests.filter((t) => (cov.tests[t].files[m.file] || []).some(([sl, , el]) => sl <= m.endLine && el >= m.line))
}

/** Likeliest killers first (tests named after the mutated file, then after its area), fastest first. */
function killerOrder(m, tests, cov) {
  const base = path.basename(m.file).replace(/\.tsx?$/, '')
  const stem = base === 'index' ? path.basename(path.dirname(m.file)) : base
  const area = stem.split('-')[0]
  const rank = (t) => {
    const name = path.basename(t)
    return name.startsWith(stem + '.') || name.startsWith(stem + '-') ? 0 : name.includes(area) ? 1 : 2
  }
  return [...tests].sort((a, b) => rank(a) - rank(b) || (cov.tests[a].ms || 0) - (cov.tests[b].ms || 0))
}

async function runMutant(m, text, tests, cov, opts) {
  const expectedMs = tests.reduce((s, t) => s + (cov.tests[t].ms || 0), 0)
  const timeoutMs = 20000 + opts.timeoutFactor * expectedMs + 15000
  apply(m, text)
  try {
    const env = { ...jestEnv(opts.skip), MUTATE_SAMPLE_ORDER: JSON.stringify(killerOrder(m, tests, cov)) }
    const r = await runJest(['--bail', '--silent', '--testSequencer=./scripts/mutate-sample-sequencer.cjs', '--runTestsByPath', ...tests], { env, timeoutMs })
    if (r.timedOut) return { status: 'timeout', ms: r.ms, detail: `no result after ${Math.round(timeoutMs / 1000)} s` }
    if (r.code === 0) return { status: 'survived', ms: r.ms, tests: tests.length }
    const fail = r.out.match(/^FAIL (\S+)/m)
    if (!fail) return { status: 'error', ms: r.ms, detail: r.out.slice(-1500) }
    const test = r.out.match(/^\s*● (.+)$/m)
    return { status: 'killed', ms: r.ms, detail: `${fail[1]}${test ? ' › ' + test[1].trim() : ''}`.slice(0, 300) }
  } finally {
    restoreFile()
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function folderOf(file) {
  if (file.startsWith('mock/handlers/')) return 'mock/handlers'
  if (file.startsWith('mock/')) return 'mock (rest)'
  return 'src/core'
}

function wilson(k, n, z = 1.96) {
  if (!n) return [0, 0]
  const p = k / n
  const d = 1 + (z * z) / n
  const c = (p + (z * z) / (2 * n)) / d
  const h = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return [Math.max(0, c - h), Math.min(1, c + h)]
}

function tally(results) {
  const t = { killed: 0, timeout: 0, survived: 0, 'no-coverage': 0, 'compile-error': 0, error: 0, pending: 0 }
  for (const r of results) t[r ? r.status : 'pending']++
  const detected = t.killed + t.timeout
  const valid = detected + t.survived + t['no-coverage']
  const [lo, hi] = wilson(detected, valid)
  return { ...t, detected, valid, score: valid ? detected / valid : null, ci95: [lo, hi] }
}

const pct = (x) => (x === null ? '–' : (100 * x).toFixed(1) + ' %')
const clip = (s, n = 70) => {
  const one = s.replace(/\s+/g, ' ').trim()
  return one.length > n ? one.slice(0, n - 1) + '…' : one
}

function buildReport(opts, pop, files, sample, results) {
  const rows = sample.map((m) => ({ ...m, result: results.get(m.key) || null }))
  const folders = {}
  for (const f of ['mock/handlers', 'mock (rest)', 'src/core']) {
    const inFolder = rows.filter((r) => folderOf(r.file) === f)
    folders[f] = { population: pop.filter((m) => folderOf(m.file) === f).length, sampled: inFolder.length, ...tally(inFolder.map((r) => r.result)) }
  }
  return {
    run: opts.run,
    date: new Date().toISOString(),
    command: `npm run mutate:sample -- ${process.argv.slice(2).join(' ')}`.trim(),
    seed: opts.seed,
    n: sample.length,
    skipMutationTests: opts.skip,
    filesFilter: opts.files,
    population: { mutants: pop.length, files: files.length },
    total: tally(rows.map((r) => r.result)),
    folders,
    survivors: rows.filter((r) => r.result && (r.result.status === 'survived' || r.result.status === 'no-coverage')).map((r) => ({ id: r.id, where: `${r.file}:${r.line}`, mutator: r.mutator, original: r.original, replacement: r.replacement, status: r.result.status })),
    mutants: rows.map(({ id, key, file, line, mutator, original, replacement, result }) => ({ id, key, file, line, mutator, original, replacement, result }))
  }
}

function printReport(rep) {
  const t = rep.total
  console.log(`\nrun ${rep.run} (${rep.date})${rep.skipMutationTests ? ' — without *.mutation.test.ts(x)' : ''}`)
  console.log(`population: ${rep.population.mutants} mutants in ${rep.population.files} files; sample N=${rep.n}, seed ${rep.seed}`)
  console.log(`killed ${t.killed}, timeout ${t.timeout}, survived ${t.survived}, no coverage ${t['no-coverage']}, compile errors ${t['compile-error']} (left out), errors ${t.error} (left out), pending ${t.pending}`)
  console.log(`score ${pct(t.score)} = ${t.detected}/${t.valid}, Wilson 95 % CI ${pct(t.ci95[0])} – ${pct(t.ci95[1])}`)
  console.log('\nfolder          population  sampled  valid  detected  score    95 % CI')
  for (const [f, s] of Object.entries(rep.folders)) {
    console.log(`${f.padEnd(15)} ${String(s.population).padStart(10)}  ${String(s.sampled).padStart(7)}  ${String(s.valid).padStart(5)}  ${String(s.detected).padStart(8)}  ${pct(s.score).padStart(7)}  ${pct(s.ci95[0])} – ${pct(s.ci95[1])}`)
  }
  if (rep.survivors.length) {
    console.log(`\nsurvivors (${rep.survivors.length}):`)
    for (const s of rep.survivors) console.log(`  [${s.id}] ${s.where} ${s.mutator}${s.status === 'no-coverage' ? ' (no test executes it)' : ''}: ${clip(s.original)} → ${clip(s.replacement)}`)
  }
}

// ---------------------------------------------------------------------------------------------

function readResults(run) {
  const file = path.join(OUT_DIR, `${run}.jsonl`)
  const map = new Map()
  if (!fs.existsSync(file)) return map
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    try {
      const r = JSON.parse(line)
      map.set(r.key, r) // the latest line for a mutant wins
    } catch { /* a line cut off by a kill */ }
  }
  return map
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  fs.mkdirSync(OUT_DIR, { recursive: true })
  const reportFile = path.join(OUT_DIR, `${opts.run}.json`)
  if (opts.reportOnly) {
    if (!fs.existsSync(reportFile)) throw new Error(`no report ${path.relative(ROOT, reportFile)}; run without --report-only first`)
    printReport(JSON.parse(fs.readFileSync(reportFile, 'utf8')))
    return
  }
  const files = await mutateFiles(opts.files)
  const pop = await population(files)
  const sample = draw(pop, opts.n, opts.seed)
  const byFolder = {}
  for (const m of pop) byFolder[folderOf(m.file)] = (byFolder[folderOf(m.file)] || 0) + 1
  console.log(`population: ${pop.length} mutants in ${files.length} files (${Object.entries(byFolder).map(([f, c]) => `${f} ${c}`).join(', ')}); sample N=${sample.length}, seed ${opts.seed}`)
  if (opts.list) {
    for (const m of sample) console.log(`  [${m.id}] ${m.file}:${m.line} ${m.mutator}: ${clip(m.original)} → ${clip(m.replacement)}`)
    const listFile = path.join(OUT_DIR, `sample-n${sample.length}-seed${opts.seed}.json`)
    fs.writeFileSync(listFile, JSON.stringify(sample.map(({ id, key, file, line, mutator, original, replacement }) => ({ id, key, file, line, mutator, original, replacement })), null, 2))
    console.log(`\nsample (with keys): ${path.relative(ROOT, listFile)}`)
    return
  }

  // Only one run at a time mutates this checkout; a leftover backup is from a run that was killed.
  takeLock()
  recoverEarlierRun()
  process.on('SIGINT', () => onSignal('SIGINT'))
  process.on('SIGTERM', () => onSignal('SIGTERM'))

  const resultsFile = path.join(OUT_DIR, `${opts.run}.jsonl`)
  const results = readResults(opts.run)
  const append = (m, r) => {
    const line = { key: m.key, id: m.id, ...r, at: new Date().toISOString() }
    fs.appendFileSync(resultsFile, JSON.stringify(line) + '\n')
    results.set(m.key, line)
  }
  if (opts.from) {
    const from = readResults(opts.from)
    for (const m of sample) {
      const r = from.get(m.key)
      if (!results.has(m.key) && r && ['killed', 'timeout', 'compile-error'].includes(r.status)) append(m, { ...r, copiedFrom: opts.from })
    }
  }
  const todo = sample.filter((m) => {
    const r = results.get(m.key)
    return !r || r.status === 'error' || (opts.rerun && (r.status === 'survived' || r.status === 'no-coverage'))
  })
  console.log(`results: ${results.size} recorded in ${path.relative(ROOT, resultsFile)}, ${todo.length} to run`)

  if (todo.length) {
    const tests = (await listTests(opts.skip)).filter((t) => !(opts.skip && MUTATION_TEST.test(t)))
    const cov = await coverage(tests)
    const checker = createChecker()
    let done = 0
    for (const m of todo.slice(0, opts.max)) {
      const started = Date.now()
      const source = fs.readFileSync(path.join(ROOT, m.file), 'utf8')
      if (source.slice(m.from, m.to) !== m.original) throw new Error(`${m.file} changed since the population was read`)
      const text = source.slice(0, m.from) + m.replacement + source.slice(m.to)
      let r
      const tsError = checker.check(m.file, text)
      if (tsError) r = { status: 'compile-error', detail: clip(tsError, 200), ms: Date.now() - started }
      else {
        const covering = coveringTests(m, tests, cov)
        r = covering.length ? await runMutant(m, text, covering, cov, opts) : { status: 'no-coverage', ms: Date.now() - started }
      }
      append(m, r)
      done++
      console.log(`[${done}/${Math.min(todo.length, opts.max)}] ${r.status.padEnd(13)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${m.file}:${m.line} ${m.mutator}: ${clip(m.original, 40)} → ${clip(m.replacement, 40)}${r.detail && r.status !== 'killed' ? '  ' + clip(r.detail, 120) : ''}`)
    }
  }
  const rep = buildReport(opts, pop, files, sample, results)
  fs.writeFileSync(reportFile, JSON.stringify(rep, null, 2))
  printReport(rep)
  console.log(`\nreport: ${path.relative(ROOT, reportFile)}`)
}

main().catch((e) => {
  restoreFile()
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
