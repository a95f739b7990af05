import Taro from '@tarojs/taro'
import { ensurePrivacyConsent, withdrawPrivacyConsent } from '../privacy'
import { useSession } from '../session/store'

const answer = (confirm: boolean) =>
  jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })

describe('ensurePrivacyConsent on H5', () => {
  beforeEach(() => useSession.setState({ privacyAccepted: false }))
  afterEach(() => jest.restoreAllMocks())

  it('explains what location is for and remembers a 同意', async () => {
    const modal = answer(true)
    await expect(ensurePrivacyConsent('location')).resolves.toBe(true)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '隐私保护提示', confirmText: '同意' }))
    expect(String(modal.mock.calls[0][0]?.content)).toContain('位置')
    expect(useSession.getState().privacyAccepted).toBe(true)

    modal.mockClear()
    await expect(ensurePrivacyConsent('photo')).resolves.toBe(true)
    expect(modal).not.toHaveBeenCalled()
  })

  it('refuses on 不同意 and asks again next time', async () => {
    const modal = answer(false)
    await expect(ensurePrivacyConsent('photo')).resolves.toBe(false)
    expect(useSession.getState().privacyAccepted).toBe(false)
    await ensurePrivacyConsent('photo')
    expect(modal).toHaveBeenCalledTimes(2)
  })

  it('asks again after consent is withdrawn', async () => {
    useSession.setState({ privacyAccepted: true })
    withdrawPrivacyConsent()
    const modal = answer(true)
    await ensurePrivacyConsent('location')
    expect(modal).toHaveBeenCalledTimes(1)
  })
})
