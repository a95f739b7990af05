// Offline check of the weapp build with WeChat's own compilers: wcc/wcsc ship in the npm package
// miniprogram-compiler. Every page of the main package and of each subpackage must have its
// .js/.json/.wxml, every WXML must compile to a template, all WXSS must compile, and every
// tabBar page must be a main-package page. Usage: node e2e/weapp-compile-check.js [dist]
const fs = require('fs')
const path = require('path')
const compiler = require('miniprogram-compiler')
// The package's wxssToJs hides wcsc's error text ("reading 'replace' of undefined"); its inner
// wcsc returns the compiler's own message as an Error, so call that directly.
const wcsc = require('miniprogram-compiler/src/wcsc.js')

const dist = path.resolve(process.argv[2] || 'dist')
let failed = 0
let passed = 0
const check = (name, fn) => {
  try {
    fn()
    passed++
    console.log('ok  ', name)
  } catch (e) {
    failed++
    console.log('FAIL', name, '-', String((e && e.message) || e).slice(0, 500))
  }
}

const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
const subPackages = app.subPackages || app.subpackages || []
const pages = [...app.pages, ...subPackages.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]

for (const f of ['app.js', 'app.json', 'app.wxss']) check(`exists ${f}`, () => fs.statSync(path.join(dist, f)))
for (const p of pages) {
  check(`page ${p} (.js .json .wxml)`, () => {
    for (const ext of ['.js', '.json', '.wxml']) fs.statSync(path.join(dist, p + ext))
    JSON.parse(fs.readFileSync(path.join(dist, `${p}.json`), 'utf8'))
  })
}
check('tabBar pages are in the main package', () => {
  for (const t of (app.tabBar && app.tabBar.list) || []) {
    if (!app.pages.includes(t.pagePath)) throw new Error(`${t.pagePath} is not a main-package page`)
    for (const icon of [t.iconPath, t.selectedIconPath].filter(Boolean)) fs.statSync(path.join(dist, icon))
  }
})
check('subpackage roots do not overlap main pages', () => {
  for (const s of subPackages) {
    const root = s.root.replace(/\/?$/, '/')
    const clash = app.pages.find((p) => p.startsWith(root))
    if (clash) throw new Error(`${clash} lies under subpackage root ${root}`)
  }
})
check('wcc compiles all WXML/WXS to a template per page', () => {
  const js = compiler.wxmlToJs(dist)
  if (!js.includes('$gwx')) throw new Error('no $gwx in wcc output')
  globalThis.window = globalThis.window || globalThis
  const gwx = new Function(js)()
  const missing = pages.filter((p) => typeof gwx(`${p}.wxml`) !== 'function')
  if (missing.length) throw new Error(`no template for ${missing.join(', ')}`)
})
check('wcsc compiles all WXSS', () => {
  const files = fs.readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.wxss')).map((f) => f.slice(0, -5))
  const result = wcsc(dist, files, { maxBuffer: 64 * 1024 * 1024 })
  if (result instanceof Error) throw result
  if (!result.comm) throw new Error('wcsc produced no common style output')
})
console.log(`weapp compile check: ${passed} passed, ${failed} failed (${pages.length} pages, ${subPackages.length} subpackages)`)
process.exit(failed ? 1 : 0)
