// 志愿服务 pages for what issue 8 still lacked: staff record a guardian's consent for a minor,
// activity photos kept in the draft, published and shown on the detail page, and the reminder
// subscription asked on a weapp sign-up.
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { seedPersonId, VOLUNTEER_SEED_NAMES } from '../../../mock/handlers/volunteer-seed'
import { fileEndpoints } from '../../../types/contract/files'
import { VOLUNTEER_REMINDER_TEMPLATE } from '../../../types/contract/volunteer'
import { call } from '../../core/api'
import { emptyPublish, useVolunteerDrafts } from '../draft-store'
import ActivityDetail from '../pages/detail'
import PublishActivity from '../pages/publish'
import VolunteerStaff from '../pages/staff'
import { askReminder, recordReminder } from '../subscribe'
import { eventually, mountPage, settle, startAs, typeInto } from './harness'

const { staff, resident: zhou } = KEY_PEOPLE
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

describe('志愿服务 gaps', () => {
  let modal: jest.SpyInstance
  beforeEach(() => {
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('lets staff record a guardian\'s consent for a minor after checking the name and confirming', async () => {
    const backend = await startAs(staff)
    const student = seedPersonId(backend.db(), VOLUNTEER_SEED_NAMES.student)
    const profile = backend.db().volunteer?.profiles[student]
    if (profile) profile.guardianConsent = null
    const tu = await mountPage(VolunteerStaff, {}, '.vol-staff-minor')
    expect(document.querySelector('.vol-staff-minor .vol-title')?.textContent).toBe('林小雨（16 岁）')
    expect(document.querySelector('.vol-staff-minor-missing')?.textContent).toBe('尚未登记监护人同意，暂不能报名')

    await typeInto(tu, '.vol-staff-minor .ll-field', '林')
    tu.fireEvent.click(document.querySelector('.vol-staff-consent') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-staff-minor .ll-field__error')?.textContent).toBe('监护人姓名至少需要 2 个字'))
    expect(modal).not.toHaveBeenCalled()

    // Declining the confirmation records nothing.
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    await typeInto(tu, '.vol-staff-minor .ll-field', '林建华')
    tu.fireEvent.click(document.querySelector('.vol-staff-consent') as HTMLElement)
    await settle(tu)
    expect(modal).toHaveBeenCalledTimes(1)
    expect(backend.db().volunteer?.profiles[student]?.guardianConsent).toBeNull()

    tu.fireEvent.click(document.querySelector('.vol-staff-consent') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-staff-minor-done')?.textContent).toBe('已登记监护人同意：林建华'))
    expect(modal.mock.calls[1][0]).toMatchObject({ title: '登记监护人同意', content: '确认 林小雨 的监护人 林建华 已同意其参加志愿服务？登记后 林小雨 可以自主报名。' })
    expect(backend.db().volunteer?.profiles[student]?.guardianConsent?.name).toBe('林建华')
    tu.unmout()
  })

  it('shows a resident no minors list but the refusal', async () => {
    await startAs(zhou)
    const tu = await mountPage(VolunteerStaff, {}, '.ll-state__message')
    expect(document.querySelector('.ll-state__message')?.textContent).toBe('仅社区工作人员可以处理时长异议')
    expect(document.querySelector('.vol-staff-minor')).toBeNull()
    tu.unmout()
  })

  it('keeps photos in the draft, blocks the preview while one failed, publishes them and shows them on the detail page', async () => {
    const backend = await startAs(staff)
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    const file = await call(fileEndpoints.uploadFile, { dataUrl: PNG, purpose: 'other' })
    const uploaded = { id: 'ph1', localPath: PNG, sendPath: null, status: 'uploaded' as const, progress: 100, file: { id: file.id, url: file.url }, error: null }
    const failed = { ...uploaded, id: 'ph2', status: 'failed' as const, progress: 0, file: null, error: '上传中断，点按重试' }
    useVolunteerDrafts.setState({ publish: { ...emptyPublish(), title: '冬季送温暖', description: '给独居老人送棉被。', place: '社区服务中心', photos: [uploaded, failed] } })
    const tu = await mountPage(PublishActivity, {}, '.vol-photo')
    expect(document.querySelectorAll('.vol-photos .vol-photo:not(.vol-photo--add)')).toHaveLength(2)
    expect(document.querySelector('.vol-photo--failed .vol-photo__veil')?.textContent).toBe('点按重试上传中断，点按重试')
    tu.fireEvent.click(document.querySelector('.vol-publish-preview-button') as HTMLElement)
    await settle(tu)
    const photoError = Array.from(document.querySelectorAll('.ll-field')).find((f) => f.textContent?.includes('照片（2/3'))?.querySelector('.ll-field__error')
    expect(photoError?.textContent).toBe('照片还没有上传完成，请稍候或删除失败的照片')

    // × asks first, then removes the failed one; the draft keeps the uploaded one.
    tu.fireEvent.click(document.querySelector('.vol-photo--failed .vol-photo__remove') as HTMLElement)
    await eventually(() => expect(useVolunteerDrafts.getState().publish.photos.map((p) => p.id)).toEqual(['ph1']))
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '删除这张照片？' })
    tu.fireEvent.click(document.querySelector('.vol-publish-preview-button') as HTMLElement)
    await tu.queries.waitForQuerySelector('.vol-publish-submit', { timeout: 3000 })
    expect(document.querySelectorAll('.vol-publish-preview .vol-detail-photo')).toHaveLength(1)
    tu.fireEvent.click(document.querySelector('.vol-publish-submit') as HTMLElement)
    await eventually(() => expect(useVolunteerDrafts.getState().publish.title).toBe(''))
    const published = backend.db().volunteer?.activities.find((a) => a.title === '冬季送温暖')
    expect(published?.photoIds).toEqual([file.id])
    tu.unmout()

    const tu2 = await mountPage(ActivityDetail, { id: published?.id ?? '' }, '.vol-detail-photo')
    expect(document.querySelectorAll('.vol-detail-photo')).toHaveLength(1)
    await eventually(() => expect(document.querySelector('.vol-detail-photo img, img.vol-detail-photo')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/))
    tu2.unmout()

    // Editing starts from the published photos, so saving the edit does not drop them.
    useVolunteerDrafts.getState().startEdit(await call((await import('../../../types/contract/volunteer')).volunteerEndpoints.getVolunteerActivity, { id: published?.id ?? '' }))
    expect(useVolunteerDrafts.getState().edit?.photos.map((p) => p.file?.id)).toEqual([file.id])
  })

  it('asks the reminder subscription on weapp and records the answer for the slot', async () => {
    const backend = await startAs(zhou)
    const clean = backend.db().volunteer?.activities.find((a) => a.title === '社区环境清洁日')
    const slotId = clean?.slots[0].id ?? ''
    const ask = jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue({ [VOLUNTEER_REMINDER_TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' } as never)
    expect(await askReminder('h5')).toBeNull()
    expect(ask).not.toHaveBeenCalled()
    const answer = await askReminder('weapp')
    expect(answer).toBe('accept')
    expect(ask.mock.calls[0][0]).toMatchObject({ tmplIds: [VOLUNTEER_REMINDER_TEMPLATE] })
    // Before signing up there is nothing to remind of: the record is refused and the line says so.
    expect(await recordReminder(slotId, answer)).toBe('订阅未记录，活动前一天仍会在消息中心提醒您')
    const tu = await mountPage(ActivityDetail, { id: clean?.id ?? '' }, '.vol-slot-signup')
    tu.fireEvent.click(document.querySelector('.vol-slot-signup') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-slot-status')?.textContent).toBe('已报名'))
    tu.unmout()
    expect(await recordReminder(slotId, answer)).toBe('活动前一天会通过微信提醒您')
    expect(backend.db().volunteer?.subscriptions).toEqual([expect.objectContaining({ personId: zhou, slotId, result: 'accept', sentAt: null })])
  })
})
