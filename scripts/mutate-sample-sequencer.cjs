// Jest test sequencer for scripts/mutate-sample.mjs: runs the test files in the order the script
// chose (env MUTATE_SAMPLE_ORDER, a JSON list of paths relative to the root: the likeliest killers
// and the fastest first), so that --bail stops a killed mutant early. Jest's default order puts
// the slowest files first.
const path = require('node:path')
const Sequencer = require('@jest/test-sequencer').default

class MutateSampleSequencer extends Sequencer {
  sort(tests) {
    const order = JSON.parse(process.env.MUTATE_SAMPLE_ORDER || '[]')
    const rank = new Map(order.map((p, i) => [p, i]))
    const at = (t) => rank.get(path.relative(t.context.config.rootDir, t.path).split(path.sep).join('/')) ?? order.length
    return [...tests].sort((a, b) => at(a) - at(b))
  }
}

module.exports = MutateSampleSequencer
