// What the requester of 邻里互助 may do at each step (found unguarded by npm run mutate:sample):
// 确认完成 only once the helper marked it done, never before, never after, never for the helper;
// how far the task is from each viewer's home.
import { P, setup } from './timebank-fixture'

interface Task { id: string; status: string; distanceM: number | null; can: Record<string, boolean> }

it('offers confirm to the requester only while the task is done', async () => {
  const t = setup()
  const confirmFor = async (as: string, id: string) => {
    const { body } = await t.get<Task>(as, `/volunteer/help/${id}`)
    return `${body.status}:${body.can.confirm}`
  }
  const asked = await t.post<Task>(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
  expect(asked.status).toBe(200)
  const id = asked.body.id
  expect(await confirmFor(P.elderlyResident, id)).toBe('open:false')
  // Metres from each viewer's own building to 桂花苑 3栋: 0 from 3栋, 123 from 1栋, 181 from 锦绣园 5栋.
  const distanceFor = async (as: string) => (await t.get<Task>(as, `/volunteer/help/${id}`)).body.distanceM
  expect([await distanceFor(P.elderlyResident), await distanceFor(P.resident), await distanceFor(P.volunteer)]).toEqual([0, 123, 181])
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/claim`)).status).toBe(200)
  expect(await confirmFor(P.elderlyResident, id)).toBe('claimed:false')
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/done`, { minutes: 60 })).status).toBe(200)
  expect(await confirmFor(P.elderlyResident, id)).toBe('done:true')
  expect(await confirmFor(P.volunteer, id)).toBe('done:false')
  expect((await t.post(P.elderlyResident, `/volunteer/help/${id}/confirm`)).status).toBe(200)
  expect(await confirmFor(P.elderlyResident, id)).toBe('confirmed:false')
})

it('lists only open tasks to volunteers, and offers 取消 to the requester until the task is done', async () => {
  const t = setup()
  const statuses = () => Object.fromEntries(t.db().volunteer!.help.map((x) => [x.id, x.status]))
  const open = await t.get<Task[]>(P.volunteer, '/volunteer/help?view=open')
  expect(open.status).toBe(200)
  const openIds = Object.entries(statuses()).filter(([, s]) => s === 'open').map(([id]) => id).sort()
  expect(openIds.length).toBeGreaterThanOrEqual(2)
  expect(open.body.map((x) => x.id).sort()).toEqual(openIds)
  expect(new Set(Object.values(statuses()))).toEqual(new Set(['open', 'claimed', 'done', 'confirmed']))

  const cancelFor = async (as: string, id: string) => (await t.get<Task>(as, `/volunteer/help/${id}`)).body.can.cancel
  const asked = await t.post<Task>(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
  const id = asked.body.id
  expect([await cancelFor(P.elderlyResident, id), await cancelFor(P.resident, id)]).toEqual([true, false])
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/claim`)).status).toBe(200)
  expect([await cancelFor(P.elderlyResident, id), await cancelFor(P.volunteer, id)]).toEqual([true, false])
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/done`, { minutes: 60 })).status).toBe(200)
  expect(await cancelFor(P.elderlyResident, id)).toBe(false)
})
