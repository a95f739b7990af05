// `npm run test:all`: every check the project has, in order, each counted; always reaches the
// summary and ends with exactly one line `N passed, N failed` (jest tests + e2e journeys + the
// other checks, one each). Exit code 1 if anything failed. Logs go to .ci-out/<step>.log too.
// A step whose input failed to build is counted as failed, not skipped. CI_SETUP=failed (set by
// .ci/run when installing system packages failed) adds one failed check.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const out = path.join(root, '.ci-out')
fs.mkdirSync(out, { recursive: true })

const env = { ...process.env, CI: 'true', FORCE_COLOR: '0', BROWSERSLIST_IGNORE_OLD_DATA: '1' }
const results = []

function run(name, command, extraEnv = {}) {
  return new Promise((resolve) => {
    console.log(`\n===== ${name}: ${command}`)
    const started = Date.now()
    const log = fs.createWriteStream(path.join(out, `${name.replace(/[^\w.-]+/g, '_')}.log`))
    const child = spawn(command, { cwd: root, shell: true, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
    let tail = ''
    const onData = (stream) => (chunk) => {
      stream.write(chunk)
      log.write(chunk)
      tail = (tail + chunk.toString()).slice(-4000)
    }
    child.stdout.on('data', onData(process.stdout))
    child.stderr.on('data', onData(process.stderr))
    child.on('close', (code) => {
      log.end()
      resolve({ code: code ?? 1, tail, seconds: (Date.now() - started) / 1000 })
    })
  })
}

/** A step counted as one check. */
async function check(name, command, { needs = [], env: extraEnv } = {}) {
  const missing = needs.filter((n) => !results.find((r) => r.name === n && r.failed === 0))
  if (missing.length) {
    console.log(`\n===== ${name}: not run, because ${missing.join(', ')} failed`)
    results.push({ name, passed: 0, failed: 1, seconds: 0, note: `needs ${missing.join(', ')}` })
    return
  }
  const r = await run(name, command, extraEnv)
  results.push({ name, passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1, seconds: r.seconds, note: r.code === 0 ? '' : `exit ${r.code}` })
}

async function jest() {
  const report = path.join(out, 'jest.json')
  fs.rmSync(report, { force: true })
  const r = await run('jest', `npx jest --ci --maxWorkers=2 --json --outputFile=${report}`)
  let passed, failed, note
  try {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'))
    passed = j.numPassedTests
    // A suite that cannot even load has no failed tests of its own; count it as one failure.
    failed = j.numFailedTests + j.numRuntimeErrorTestSuites
    note = `${j.numTotalTestSuites} suites${j.numRuntimeErrorTestSuites ? `, ${j.numRuntimeErrorTestSuites} failed to load` : ''}`
  } catch {
    passed = 0
    failed = 1
    note = 'no jest report'
  }
  if (r.code !== 0 && failed === 0) { failed = 1; note += `; jest exit ${r.code}` }
  results.push({ name: 'jest tests', passed, failed, seconds: r.seconds, note })
}

async function e2e() {
  if (!results.find((x) => x.name === 'build:h5' && x.failed === 0)) {
    results.push({ name: 'e2e journeys', passed: 0, failed: 1, seconds: 0, note: 'needs build:h5' })
    return
  }
  const r = await run('e2e', 'node e2e/run.mjs')
  const m = /e2e: (\d+) passed, (\d+) failed/.exec(r.tail)
  const passed = m ? Number(m[1]) : 0
  let failed = m ? Number(m[2]) : 1
  if (r.code !== 0 && failed === 0) failed = 1
  results.push({ name: 'e2e journeys', passed, failed, seconds: r.seconds, note: m ? '' : 'runner crashed' })
}

const started = Date.now()
if (process.env.CI_SETUP === 'failed') results.push({ name: 'setup (system packages)', passed: 0, failed: 1, seconds: 0, note: 'see .ci/run output' })
await check('lint', 'npx eslint .')
await check('typecheck', 'npx tsc --noEmit -p .')
await jest()
await check('build:weapp', 'npx taro build --type weapp')
await check('check:weapp', 'node e2e/weapp-compile-check.js dist', { needs: ['build:weapp'] })
await check('es-check es2015', "npx es-check es2015 'dist/**/*.js'", { needs: ['build:weapp'] })
await check('build:h5', 'npx taro build --type h5')
// Its own port, so a developer's `npm run mock` on 9527 does not meet the e2e journey's server.
await check('build:h5:http', 'npx taro build --type h5', { env: { LINLI_TRANSPORT: 'http', H5_OUT: 'dist-h5-http', LINLI_API_BASE: 'http://127.0.0.1:9547/api' } })
await check('check:bundles', 'node scripts/check-transport-bundles.mjs dist-h5 dist-h5-http', { needs: ['build:h5', 'build:h5:http'] })
await check('build:weapp:http', 'npx taro build --type weapp', { env: { LINLI_TRANSPORT: 'http', WEAPP_OUT: 'dist-weapp-http', LINLI_API_BASE: 'https://api.example.invalid/api' } })
await check('size', 'node scripts/size-report.mjs', { needs: ['build:weapp', 'build:weapp:http', 'build:h5'] })
await e2e()

const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
console.log('\n===== summary')
const w = Math.max(...results.map((r) => r.name.length))
for (const r of results) {
  console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(w)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${r.seconds.toFixed(0).padStart(5)} s  ${r.note ?? ''}`)
}
console.log(`total time ${((Date.now() - started) / 60000).toFixed(1)} min`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
