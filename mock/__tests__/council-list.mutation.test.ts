// The 议事 list filters, exactly (found unguarded by npm run mutate:sample): by stage, and the
// views all / mine / active (the default) / done, newest update first.
import { P, setup } from './timebank-fixture'

it('filters proposals by stage and by view', async () => {
  const t = setup()
  const list = async (query: string) => {
    const res = await t.get<{ items: { id: string; stage: string }[]; nextCursor: string | null }>(P.resident, `/council/proposals${query}`)
    expect(res.status).toBe(200)
    return res.body.items.map((p) => `${p.id}:${p.stage}`)
  }
  const active = ['cp_0006:publicity', 'cp_0004:voting', 'cp_0008:evaluating', 'cp_0001:gathering', 'cp_0005:voting', 'cp_0003:deliberating', 'cp_0002:reviewing', 'cp_0007:executing']
  expect(await list('?stage=voting')).toEqual(['cp_0004:voting', 'cp_0005:voting'])
  expect(await list('?stage=archived')).toEqual(['cp_0009:archived'])
  expect(await list('?view=all')).toEqual(['cp_0006:publicity', 'cp_0004:voting', 'cp_0008:evaluating', 'cp_0001:gathering', 'cp_0005:voting', 'cp_0003:deliberating', 'cp_0002:reviewing', 'cp_0010:rejected', 'cp_0007:executing', 'cp_0009:archived'])
  // 周婷 raised cp_0002 and cp_0006.
  expect(await list('?view=mine')).toEqual(['cp_0006:publicity', 'cp_0002:reviewing'])
  expect(await list('?view=active')).toEqual(active)
  expect(await list('')).toEqual(active)
  expect(await list('?view=done')).toEqual(['cp_0010:rejected', 'cp_0009:archived'])
})
