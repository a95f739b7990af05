// Writes a small module/chunk listing after each production build to .size/<output dir>-stats.json,
// so `npm run size` can tell how much of the output is which library (e.g. zod).
import fs from 'node:fs'
import path from 'node:path'
import type { Compiler, StatsModule } from 'webpack'

interface ModuleEntry { name: string; size: number; chunks: (string | number)[] }

function flatten(modules: StatsModule[] | undefined, chunks: (string | number)[] = [], out: ModuleEntry[] = []): ModuleEntry[] {
  for (const m of modules ?? []) {
    const own = m.chunks?.length ? m.chunks : chunks
    if (m.modules?.length) flatten(m.modules, own, out)
    else out.push({ name: m.name ?? '?', size: m.size ?? 0, chunks: own })
  }
  return out
}

export class SizeStatsPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.done.tap('LinliSizeStats', (stats) => {
      const json = stats.toJson({ all: false, modules: true, nestedModules: true, chunks: true, ids: true })
      const out = {
        outputPath: compiler.options.output.path,
        chunks: (json.chunks ?? []).map((c) => ({ id: c.id, files: c.files ?? [] })),
        modules: flatten(json.modules)
      }
      const dir = path.resolve(__dirname, '..', '.size')
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, `${path.basename(compiler.options.output.path ?? 'out')}-stats.json`), JSON.stringify(out))
    })
  }
}
