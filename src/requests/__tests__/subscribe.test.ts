import Taro from '@tarojs/taro'
import { KEY_PEOPLE, type MockBackend } from '../../../mock'
import { REQUEST_SUBSCRIBE_TEMPLATE } from '../../../types/contract'
import { subscribeToUpdates } from '../subscribe'
import { asPerson, startAs } from './harness'

const file = async (backend: MockBackend) => (await asPerson(backend, KEY_PEOPLE.resident))<{ id: string }>('/requests', {
  categoryCode: 'other', description: '小区外墙广告牌松动，刮风时响得厉害', location: { placeId: 'b_2' }
})

describe('subscribing to status updates', () => {
  afterEach(() => jest.restoreAllMocks())

  it('records an accepted weapp subscription with the mock', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const r = await file(backend)
    const ask = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [REQUEST_SUBSCRIBE_TEMPLATE]: 'accept' })
    ;(Taro as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = ask
    expect(await subscribeToUpdates(r.id, 'weapp')).toBe('已订阅，办理有进展时会通知您')
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [REQUEST_SUBSCRIBE_TEMPLATE] }))
    expect(backend.db().requestSubscriptions).toEqual([expect.objectContaining({ requestId: r.id, result: 'accept', personId: KEY_PEOPLE.resident })])
  })

  it('records a closed dialog as a rejection and says where progress shows instead', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const r = await file(backend)
    ;(Taro as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = jest.fn().mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' })
    expect(await subscribeToUpdates(r.id, 'weapp')).toBe('未订阅，可在「我的诉求」查看进度')
    expect(backend.db().requestSubscriptions?.at(-1)).toMatchObject({ result: 'reject' })
  })

  it('does not ask on H5', async () => {
    await startAs(KEY_PEOPLE.resident)
    expect(await subscribeToUpdates('sr_0001', 'h5')).toBe('当前环境不支持订阅消息，可在「我的诉求」查看进度')
  })
})
