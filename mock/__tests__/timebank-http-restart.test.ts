// The time bank over the HTTP mock server with a restart in the middle (a JSON file on disk):
// nothing lost, nothing doubled — replays after the restart answer the first result.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rawRequest } from '../../__tests__/helpers/node-http-transport'
import { createFileStorage } from '../file-storage'
import { startMockServer, type MockServer } from '../server'
import { invariantProblems, NOW, P } from './timebank-fixture'

const dir = mkdtempSync(join(tmpdir(), 'linli-tb-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function send(server: MockServer, method: string, path: string, token: string | null, body?: object, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(key ? { 'Idempotency-Key': key } : {}) }
  const res = await rawRequest(server.url, { method, path: `/api${path}`, headers, body: body ? JSON.stringify(body) : undefined })
  return res as { status: number; body: Record<string, unknown> }
}

describe('timebank over HTTP with a restart', () => {
  it('keeps every order and transfer once across a restart, and replays answer the first result', async () => {
    let server = await startMockServer({ port: 0, storage: createFileStorage(dir), now: () => NOW })
    const login = async (personId: string) => (await send(server, 'POST', '/demo/switch', null, { personId }, `sw-${personId}-${Math.random()}`)).body.token as string
    let zhang = await login(P.volunteer)
    const soy = server.backend.db().timebank!.goods.find((g) => g.name === '酱油')!
    const order = await send(server, 'POST', `/timebank/goods/${soy.id}/redeem`, zhang, { quantity: 1 }, 'redeem-soy-1')
    const gift = await send(server, 'POST', '/timebank/gifts', zhang, { to: 'pool', points: 2 }, 'gift-1')
    expect([order.status, gift.status]).toEqual([200, 200])
    const transfersBefore = server.backend.db().ledger!.transfers.length
    await server.close()

    server = await startMockServer({ port: 0, storage: createFileStorage(dir), now: () => NOW })
    zhang = await login(P.volunteer) // sessions survive too, but a fresh one proves nothing hides in memory
    const replayOrder = await send(server, 'POST', `/timebank/goods/${soy.id}/redeem`, zhang, { quantity: 1 }, 'redeem-soy-1')
    const replayGift = await send(server, 'POST', '/timebank/gifts', zhang, { to: 'pool', points: 2 }, 'gift-1')
    expect(replayGift.status).toBe(200)
    expect(replayGift.body.transferId).toBe(gift.body.transferId)
    expect(replayOrder.body.id).toBe(order.body.id)
    const db = server.backend.db()
    expect(db.ledger!.transfers.length).toBe(transfersBefore)
    expect(db.timebank!.orders.filter((o) => o.personId === P.volunteer)).toHaveLength(1)
    expect(db.ledger!.balances[`person:${P.volunteer}`]).toBe(49 - 12 - 2)
    expect(invariantProblems(db)).toEqual([])
    const balance = await send(server, 'GET', '/timebank/balance', zhang)
    expect(balance.body).toMatchObject({ available: 35, held: 12 })
    await server.close()
  })
})
