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

  it('explains photos for both a 诉求 and a notice, not a 诉求 alone', async () => {
    const modal = answer(true)
    await ensurePrivacyConsent('photo')
    const content = String(modal.mock.calls[0][0]?.content)
    expect(content).toContain('照片')
    expect(content).toContain('诉求')
    expect(content).toContain('通知')
    expect(content).not.toContain('作为诉求的现场图片')
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

describe('ensurePrivacyConsent on weapp', () => {
  type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void }
  beforeEach(() => {
    useSession.setState({ privacyAccepted: false })
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
  })
  afterEach(() => jest.restoreAllMocks())

  const setting = (needAuthorization: boolean) => jest.spyOn(Taro, 'getPrivacySetting')
    .mockImplementation(((o: Callbacks) => o.success?.({ needAuthorization, privacyContractName: '邻里隐私保护指引' })) as typeof Taro.getPrivacySetting)
  const authorize = (agree: boolean) => jest.spyOn(Taro, 'requirePrivacyAuthorize')
    .mockImplementation(((o: Callbacks) => (agree ? o.success?.({}) : o.fail?.({ errMsg: 'privacy permission is not authorized' }))) as typeof Taro.requirePrivacyAuthorize)

  it('goes straight on when WeChat already has the agreement', async () => {
    setting(false)
    const ask = authorize(true)
    const modal = jest.spyOn(Taro, 'showModal')
    await expect(ensurePrivacyConsent('location')).resolves.toBe(true)
    expect(ask).not.toHaveBeenCalled()
    expect(modal).not.toHaveBeenCalled()
  })

  it("asks through WeChat's privacy authorization and records a yes", async () => {
    setting(true)
    const ask = authorize(true)
    await expect(ensurePrivacyConsent('photo')).resolves.toBe(true)
    expect(ask).toHaveBeenCalledTimes(1)
    expect(useSession.getState().privacyAccepted).toBe(true)
  })

  it('refuses when the person declines in WeChat', async () => {
    setting(true)
    authorize(false)
    await expect(ensurePrivacyConsent('location')).resolves.toBe(false)
    expect(useSession.getState().privacyAccepted).toBe(false)
  })
})
