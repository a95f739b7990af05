// 志愿服务 pages as a person uses them: the list and sign-up, check-in by typing the digits, the
// publish form (kept as typed, refused for residents), help tasks and the 证明.
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { checkInCodeFor, codeMinute } from '../../../types/contract/volunteer'
import ActivityDetail from '../pages/detail'
import VolunteerHome from '../pages/index'
import CheckInPage from '../pages/check-in'
import PublishActivity from '../pages/publish'
import HelpDetail from '../pages/help-detail'
import CertificatePage from '../pages/certificate'
import MyVolunteering from '../pages/mine'
import VolunteerStaff from '../pages/staff'
import { useVolunteerDrafts } from '../draft-store'
import { seedPersonId, VOLUNTEER_SEED_NAMES } from '../../../mock/handlers/volunteer-seed'
import { createMemoryStorage, createMockBackend } from '../../../mock'
import { byText, eventually, mountPage, NOW, settle, startAs, typeInto } from './harness'

const seededDb = () => createMockBackend({ storage: createMemoryStorage(), now: () => NOW }).db()

const { staff, volunteer: zhang, resident: zhou } = KEY_PEOPLE

describe('志愿服务 pages', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('lists upcoming activities soonest first with the places left, a full one as 已满，可候补', async () => {
    await startAs(zhou)
    const tu = await mountPage(VolunteerHome, {}, '.vol-activity')
    const titles = Array.from(document.querySelectorAll('.vol-activity .vol-title')).map((e) => e.textContent)
    expect(titles).toEqual(['5栋楼道安全巡查', '社区环境清洁日', '敬老院陪伴读报', '地铁站文明引导'])
    expect(byText('.vol-activity', '敬老院陪伴读报').textContent).toContain('已满，可候补')
    expect(byText('.vol-activity', '社区环境清洁日').textContent).toContain('余 16 个名额')
    expect(document.querySelector('.vol-home-publish')).toBeNull()
    tu.unmout()
  })

  it('signs up for a slot with places and joins the waitlist of a full one', async () => {
    const backend = await startAs(zhou)
    const clean = backend.db().volunteer?.activities.find((a) => a.title === '社区环境清洁日')
    const tu = await mountPage(ActivityDetail, { id: clean?.id ?? '' }, '.vol-slot')
    tu.fireEvent.click(document.querySelector('.vol-slot-signup') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-slot-status')?.textContent).toBe('已报名'))
    expect(document.querySelector('.vol-slot-places')?.textContent).toBe('已报名 2/10')
    tu.unmout()

    const full = backend.db().volunteer?.activities.find((a) => a.title === '敬老院陪伴读报')
    const tu2 = await mountPage(ActivityDetail, { id: full?.id ?? '' }, '.vol-slot')
    expect(document.querySelector('.vol-slot-signup')?.textContent).toBe('排队候补')
    tu2.fireEvent.click(document.querySelector('.vol-slot-signup') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-slot-status')?.textContent).toBe('候补 第 2 位'))
    tu2.unmout()
  })

  it('checks in with the 6 digits, says 签到码已过期 for a wrong one, then offers 签退', async () => {
    const backend = await startAs(zhang)
    const activity = backend.db().volunteer?.activities.find((a) => a.title === '5栋楼道安全巡查')
    const slotId = activity?.slots[0].id ?? ''
    const v = backend.db().volunteer
    if (v) v.slotSecrets[slotId] = 'page-test-secret'
    const tu = await mountPage(CheckInPage, { slotId }, '.vol-check-submit')
    const right = checkInCodeFor('page-test-secret', codeMinute(NOW))
    await typeInto(tu, '.ll-field', right === '000000' ? '111111' : '000000')
    tu.fireEvent.click(document.querySelector('.vol-check-submit') as HTMLElement)
    await eventually(() => expect(document.querySelector('.ll-field__error')?.textContent).toBe('签到码已过期或不正确，请看组织者手机上最新的签到码'))
    await typeInto(tu, '.ll-field', right)
    tu.fireEvent.click(document.querySelector('.vol-check-submit') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-check-submit')?.textContent).toBe('签退'))
    tu.unmout()
  })

  it('says when check-in opens for a slot still to come, and that it has closed for one long past', async () => {
    const backend = await startAs(KEY_PEOPLE.volunteer)
    const slot = backend.db().volunteer?.activities.find((a) => a.title === '5栋楼道安全巡查')?.slots[0]
    // The mock says the window is shut (its clock is 2 days before the slot); the page reads the device clock.
    backend.db().volunteer!.activities.find((a) => a.title === '5栋楼道安全巡查')!.slots[0].startAt = new Date(NOW + 3 * 86400_000).toISOString()
    backend.db().volunteer!.activities.find((a) => a.title === '5栋楼道安全巡查')!.slots[0].endAt = new Date(NOW + 3 * 86400_000 + 2 * 3600_000).toISOString()
    backend.persist()
    const at = new Date(NOW + 3 * 86400_000 - 30 * 60_000 + 8 * 3600_000)
    const expected = `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')} 起可以签到（活动开始前 30 分钟），到时再打开本页`
    jest.spyOn(Date, 'now').mockReturnValue(NOW)
    const tu = await mountPage(CheckInPage, { slotId: slot?.id ?? '' }, '.vol-check-window')
    expect(document.querySelector('.vol-check-window')?.textContent).toBe(expected)
    expect(document.querySelector('.vol-check-submit')).toBeNull()
    tu.unmout()

    ;(Date.now as jest.Mock).mockReturnValue(NOW + 5 * 86400_000)
    const later = await mountPage(CheckInPage, { slotId: slot?.id ?? '' }, '.vol-check-window')
    expect(document.querySelector('.vol-check-window')?.textContent).toBe('签到签退已结束（活动结束后 30 分钟内可签）。忘了签退的，请联系组织者补录')
    later.unmout()
  })

  it('refuses a resident the publish form and keeps a staff member\'s draft as typed', async () => {
    await startAs(zhou)
    let tu = await mountPage(PublishActivity, {}, '.ll-state__message')
    expect(tu.html()).toContain('仅社区工作人员或楼长可以发布志愿活动')
    tu.unmout()

    await startAs(staff)
    tu = await mountPage(PublishActivity, {}, '.vol-publish-preview-button')
    await typeInto(tu, '.ll-field', '<b>冬季送温暖</b>')
    await settle(tu)
    expect(useVolunteerDrafts.getState().publish.title).toBe('<b>冬季送温暖</b>')
    tu.fireEvent.click(document.querySelector('.vol-publish-preview-button') as HTMLElement)
    await settle(tu)
    const errors = Array.from(document.querySelectorAll('.ll-field__error')).map((e) => e.textContent)
    expect(errors).toEqual(expect.arrayContaining(['请填写活动说明', '请填写活动地点']))
    expect(document.querySelector('.vol-slot-error')).toBeNull() // a new slot starts tomorrow 09:00–11:00
    tu.unmout()
  })

  it('shows this year\'s hours, a provisional record and the student target', async () => {
    await startAs(zhang)
    const tu = await mountPage(MyVolunteering, {}, '.vol-mine-year')
    expect(document.querySelector('.vol-mine-year')?.textContent).toBe('2.5 小时')
    expect(document.querySelector('.vol-mine-provisional')?.textContent).toBe('另有 1.5 小时在公示中')
    expect(byText('.vol-mine-signup', '社区图书角整理').textContent).toContain('服务时长 1.5 小时（待公示）')
    expect(byText('.vol-mine-signup', '5栋楼道安全巡查').querySelector('.vol-mine-checkin')?.textContent).toBe('签到')
    tu.unmout()
  })

  it('builds the 证明 from final records only', async () => {
    await startAs(zhang)
    const tu = await mountPage(CertificatePage, {}, '.vol-cert-record')
    const records = Array.from(document.querySelectorAll('.vol-cert-record')).map((e) => e.textContent)
    expect(records).toHaveLength(1)
    expect(records[0]).toContain('垃圾分类宣传 2.5 小时')
    expect(document.querySelector('.vol-cert-name')?.textContent).toBe('兹证明 张伟 参加以下志愿服务，累计 2.5 小时：')
    expect(document.querySelector('.vol-cert-issuer')?.textContent).toBe('幸福里社区居民委员会')
    tu.unmout()
  })

  it('shows the address only after a volunteer claims a help task', async () => {
    const backend = await startAs(zhang)
    const task = backend.db().volunteer?.help.find((t) => t.kind === 'medicine')
    const tu = await mountPage(HelpDetail, { id: task?.id ?? '' }, '.vol-help-claim')
    expect(document.querySelector('.vol-help-where')?.textContent).toContain('桂花苑 3栋')
    expect(document.querySelector('.vol-help-where')?.textContent).not.toContain('502')
    tu.fireEvent.click(document.querySelector('.vol-help-claim') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-help-where')?.textContent).toContain('地址：桂花苑 3栋2单元502'))
    expect(document.querySelector('.vol-help-done')).not.toBeNull()
    tu.unmout()
  })

  it('lets staff see a resident paused for no-shows and lift the pause', async () => {
    const backend = await startAs(staff)
    const tu = await mountPage(VolunteerStaff, {}, '.vol-staff-paused')
    expect(document.querySelector('.vol-staff-paused .vol-title')?.textContent).toBe('马建军')
    expect(document.querySelector('.vol-staff-paused .vol-meta')?.textContent).toBe('缺席 2 次')
    tu.fireEvent.click(document.querySelector('.vol-staff-lift') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-staff-paused')).toBeNull())
    const paused = Object.values(backend.db().volunteer?.profiles ?? {}).filter((p) => p.pausedAt)
    expect(paused).toHaveLength(0)
    tu.unmout()
  })

  it('edits an activity\'s place, messages those signed up, and refuses capacity below them', async () => {
    const backend = await startAs(staff)
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    const full = backend.db().volunteer?.activities.find((a) => a.title === '敬老院陪伴读报')
    const tu = await mountPage(PublishActivity, { id: full?.id ?? '' }, '.vol-slot-form')
    expect(useVolunteerDrafts.getState().edit?.place).toBe('幸福里养老驿站')
    await typeInto(tu, '.vol-slot-form .ll-field', '1')
    await typeInto(tu, '.vol-publish .ll-field:nth-child(4)', '幸福里养老驿站二楼')
    tu.fireEvent.click(document.querySelector('.vol-publish-preview-button') as HTMLElement)
    await settle(tu)
    tu.fireEvent.click(document.querySelector('.vol-publish-submit') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-slot-error')?.textContent).toContain('已有 2 人报名，需先移除 1 人才能把名额降到 1'))
    await typeInto(tu, '.vol-slot-form .ll-field', '3')
    tu.fireEvent.click(document.querySelector('.vol-publish-preview-button') as HTMLElement)
    await settle(tu)
    tu.fireEvent.click(document.querySelector('.vol-publish-submit') as HTMLElement)
    await eventually(() => expect(useVolunteerDrafts.getState().edit).toBeNull())
    const told = (backend.db().messages ?? []).filter((m) => m.title === '志愿活动有变更').map((m) => m.personId).sort()
    expect(told).toEqual(['p_006', 'p_011', 'p_012'])
    expect(full?.slots[0].capacity).toBe(3)
    tu.unmout()
  })

  it('shows a student their progress toward the yearly target and lets them change it', async () => {
    // The student is appended after the census, so her id comes from the seed itself.
    await startAs(seedPersonId(seededDb(), VOLUNTEER_SEED_NAMES.student))
    const tu = await mountPage(MyVolunteering, {}, '.vol-mine-target-text')
    expect(document.querySelector('.vol-mine-target-text')?.textContent).toBe('5 / 20 小时（25%）')
    await typeInto(tu, '.vol-mine-target .ll-field', '10')
    tu.fireEvent.click(document.querySelector('.vol-mine-target-save') as HTMLElement)
    await eventually(() => expect(document.querySelector('.vol-mine-target-text')?.textContent).toBe('5 / 10 小时（50%）'))
    tu.unmout()
  })
})
