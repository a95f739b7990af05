// Proves the transport is a build setting: the embedded H5 build ships the mock backend, the
// HTTP build (LINLI_TRANSPORT=http) does not ship any of it and talks to LINLI_API_BASE instead.
// Usage: node scripts/check-transport-bundles.mjs [embeddedDir=dist-h5] [httpDir=dist-h5-http]
import fs from 'node:fs'
import path from 'node:path'

const [embeddedDir = 'dist-h5', httpDir = 'dist-h5-http'] = process.argv.slice(2)
// Strings that exist only in mock/ (the router and its seed), never in src/.
const MOCK_MARKERS = ['缺少 Idempotency-Key 请求头', '[mock] handler crashed', '同一次提交的内容与首次不一致']
const HTTP_MARKER = '/api'

function jsOf(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.js'))
    .map((f) => ({ file: path.join(dir, String(f)), text: fs.readFileSync(path.join(dir, String(f)), 'utf8') }))
}

let failed = 0
const check = (name, ok, detail = '') => {
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` - ${detail}` : ''}`)
}

const embedded = jsOf(embeddedDir)
const http = jsOf(httpDir)
const found = (files, marker) => files.filter((f) => f.text.includes(marker)).map((f) => f.file)

check(`embedded build (${embeddedDir}) ships the mock`, MOCK_MARKERS.every((m) => found(embedded, m).length > 0))
for (const marker of MOCK_MARKERS) {
  const hits = found(http, marker)
  check(`HTTP build (${httpDir}) has no "${marker}"`, hits.length === 0, hits.join(', '))
}
check(`HTTP build calls an API base ending in ${HTTP_MARKER}`, http.some((f) => /https?:\/\/[^"']+\/api["']/.test(f.text)))
console.log(`transport bundles: ${failed ? `${failed} failed` : 'all passed'}`)
process.exit(failed ? 1 : 0)
