// Minimal static server for an H5 build (no dependencies).
// Usage: node e2e/serve-static.mjs [dir=dist-h5] [port=10086]; port 0 picks a free one.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf'
}

/** Resolves with the listening server; `server.url` is its origin. */
export function serve(dir = 'dist-h5', port = 10086) {
  const root = resolve(dir)
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let file = normalize(join(root, decodeURIComponent(url.pathname)))
    if (!file.startsWith(root)) { res.writeHead(403).end(); return }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    } catch {
      file = join(root, 'index.html') // SPA fallback (browser-mode router)
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}`
      resolveServer(server)
    })
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist-h5', port = '10086'] = process.argv.slice(2)
  serve(dir, Number(port)).then((s) => console.log(`serving ${dir} on ${s.url}`))
}
