// The HTTP build against the HTTP mock server in a real browser: CORS preflights, JSON bodies,
// session headers and idempotency keys over the wire, the server's data file, and no 演示身份
// entry (mock-only) in an HTTP build. Needs `npm run build:h5:http` (dist-h5-http/; HTTP_H5_DIR).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assert, bindWrongThenRight, see, tap } from '../lib.mjs'
import { serve } from '../serve-static.mjs'

export const title = 'HTTP build → npm run mock server: login, bind (wrong, right), offline fault, no demo switcher'

const dir = process.env.HTTP_H5_DIR || 'dist-h5-http'

/** The API base the build was made with (LINLI_API_BASE), read from its bundle. */
function apiBaseOf(buildDir) {
  for (const f of readdirSync(join(buildDir, 'js')).filter((x) => x.endsWith('.js'))) {
    const m = /"(http:\/\/127\.0\.0\.1:(\d+)\/api)"/.exec(readFileSync(join(buildDir, 'js', f), 'utf8'))
    if (m) return { base: m[1], port: Number(m[2]) }
  }
  throw new Error(`${buildDir} calls no http://127.0.0.1:<port>/api: is it an HTTP build?`)
}

function startMockServer(port, dataDir) {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['mock/server.ts'], {
    env: { ...process.env, PORT: String(port), MOCK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe']
  })
  const log = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock server did not start: ${log.join('')}`)), 20_000)
    child.stdout.on('data', (d) => {
      log.push(String(d))
      if (log.join('').includes('邻里 mock server')) { clearTimeout(timer); resolve({ child, log }) }
    })
    child.stderr.on('data', (d) => log.push(String(d)))
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`mock server exited ${code}: ${log.join('')}`)) })
  })
}

export default async function httpTransport(ctx) {
  assert(existsSync(join(dir, 'index.html')), `no ${dir}/index.html: run npm run build:h5:http first`)
  const { base, port } = apiBaseOf(dir)
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-mock-'))
  const { child, log } = await startMockServer(port, dataDir)
  const site = await serve(dir, 0)
  try {
    const { page, errors } = await ctx.newPage()
    await page.goto(`${site.url}/`)
    await tap(page, '我已阅读并同意')
    await tap(page, '微信一键登录')
    await bindWrongThenRight(page)
    await see(page, '王秀英，您好')
    await ctx.shot(page, 'home')

    // The bind went over the wire and into the server's data file.
    const requests = log.join('')
    assert(/POST \/api\/auth\/login 200/.test(requests) && /POST \/api\/me\/house 400/.test(requests) && /POST \/api\/me\/house 200/.test(requests),
      `server log lacks the login and bind calls:\n${requests}`)
    const db = JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8'))
    assert(db.accounts.some((a) => a.personId === 'p_001'), 'the server did not store the binding')

    // An HTTP build has no 演示身份 (the mock-only switcher).
    await page.locator('.weui-tabbar__label').filter({ hasText: /^\s*我的\s*$/ }).click()
    await see(page, '大字模式')
    assert(!(await page.getByText('演示身份').count()), '演示身份 shows in an HTTP build')

    // Until now only the wrong bind's 400 may show in the console (the browser logs every 4xx).
    const early = errors.filter((e) => !/favicon|status of 400/.test(e))
    assert(early.length === 0, `page errors: ${early.join(' | ')}`)

    // Offline on the server side: the next call fails with the network message, nothing crashes.
    await fetch(`${base.replace(/\/api$/, '')}/__mock/faults`, { method: 'POST', body: '{"offline":true}' })
    await page.locator('.weui-tabbar__label').filter({ hasText: /^\s*首页\s*$/ }).click()
    await page.reload()
    await see(page, /网络连接失败|网络不可用|离线/, 30_000)
    await ctx.shot(page, 'offline')
    await fetch(`${base.replace(/\/api$/, '')}/__mock/faults`, { method: 'POST', body: '{"offline":false}' })
    return { apiBase: base, serverCalls: requests.split('\n').filter((l) => / \/api\//.test(l)).length }
  } finally {
    site.close()
    child.kill()
  }
}
