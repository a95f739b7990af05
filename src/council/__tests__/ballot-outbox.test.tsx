// A ballot cast with no network is kept in the core outbox, shown as 待发送 on the card, and sent by
// core when the network is back — the receipt then appears as 已投票, counted once.
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { flush, useOutbox } from '../../core/outbox'
import { button, openProposal, settle, startAs, texts } from './harness'

describe('ballots through the outbox', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    useOutbox.setState({ items: [] })
  })

  it('keeps an offline 赞成 as 待发送 and counts it once when core sends it', async () => {
    const backend = await startAs(KEY_PEOPLE.elderlyResident)
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    const tu = await openProposal('cp_0004')
    const vote = () => backend.db().proposals?.find((x) => x.id === 'cp_0004')?.vote
    const castByWang = () => (vote()?.audit ?? []).filter((a) => a.castBy === KEY_PEOPLE.elderlyResident).length
    expect(Object.keys(vote()?.ballots ?? {})).toHaveLength(2)
    expect(castByWang()).toBe(0)

    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false)
    tu.fireEvent.click(button('赞成'))
    await settle(tu, 80)
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已记下，联网后自动投出' }))
    expect(texts('.cl-vote__waiting')).toEqual(['待发送：赞成（联网后自动投出）'])
    expect(texts('.cl-vote__mine')).toEqual([])
    expect(Object.keys(vote()?.ballots ?? {})).toHaveLength(2)

    onLine.mockReturnValue(true)
    await tu.act(async () => { await flush(true) })
    await settle(tu, 80)
    expect(useOutbox.getState().items).toEqual([])
    expect(texts('.cl-vote__waiting')).toEqual([])
    expect(texts('.cl-vote__mine')[0]).toMatch(/^已投票：赞成 · 回执码 [A-Z2-9]{10}$/)
    expect(texts('.cl-line').join('|')).toContain('已投票 3 / 13 户')
    // Sending the same item again (a lost answer) does not count it twice.
    await tu.act(async () => { await flush(true) })
    expect(Object.keys(vote()?.ballots ?? {})).toHaveLength(3)
    expect(castByWang()).toBe(1)
    tu.unmout()
  })
})
