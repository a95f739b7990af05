// Jest reporter for scripts/mutate-sample.mjs: records, for each test file, which code of mock/
// and src/core/ it executed (istanbul statements, functions and branch arms with hits > 0, as
// [startLine, startCol, endLine, endCol] ranges, lines 1-based) and how long it ran. A mutant is
// then run only against the test files that executed its code, as Stryker's perTest coverage does
// (per test file here, not per test). Output path: env MUTATE_SAMPLE_COVERAGE_OUT.
const fs = require('node:fs')
const path = require('node:path')

const KEEP = /^(mock|src\/core)\//

function loc(l) {
  return [l.start.line, l.start.column, l.end.line, l.end.column ?? Number.MAX_SAFE_INTEGER]
}

class MutateSampleCoverageReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir
    this.out = process.env.MUTATE_SAMPLE_COVERAGE_OUT
    this.data = {}
  }

  onTestResult(test, result) {
    const files = {}
    for (const [abs, fc] of Object.entries(result.coverage || {})) {
      const data = fc.data || fc
      const rel = path.relative(this.rootDir, data.path || abs).split(path.sep).join('/')
      if (!KEEP.test(rel) || rel.includes('__tests__/')) continue
      const ranges = []
      for (const [id, hits] of Object.entries(data.s)) if (hits > 0) ranges.push(loc(data.statementMap[id]))
      for (const [id, hits] of Object.entries(data.f)) if (hits > 0) ranges.push(loc(data.fnMap[id].loc))
      for (const [id, arms] of Object.entries(data.b)) {
        arms.forEach((hits, i) => {
          const l = data.branchMap[id].locations[i]
          if (hits > 0 && l && l.start && l.start.line) ranges.push(loc(l))
        })
      }
      if (ranges.length) files[rel] = ranges
    }
    const rel = path.relative(this.rootDir, test.path).split(path.sep).join('/')
    this.data[rel] = {
      ms: result.perfStats ? result.perfStats.end - result.perfStats.start : 0,
      failed: result.numFailingTests + (result.testExecError ? 1 : 0),
      files
    }
  }

  onRunComplete() {
    if (this.out) fs.writeFileSync(this.out, JSON.stringify(this.data))
  }
}

module.exports = MutateSampleCoverageReporter
