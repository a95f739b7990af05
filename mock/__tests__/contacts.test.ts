import { createMockBackend, KEY_PEOPLE } from '..'
import type { ContactList } from '../../types/contract/contacts'
import { formatPhoneNumber } from '../../types/contract/contacts'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let key = 0

async function contactsAs(personId: string | null, login?: 'fresh') {
  const backend = createMockBackend({ now: () => NOW })
  let token: string | null = null
  if (personId) {
    const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `ct${++key}` } })
    token = (res.body as { token: string }).token
  } else if (login) {
    const res = await backend.handle({ method: 'POST', path: '/auth/login', body: { code: `fresh-${++key}` }, headers: { 'Idempotency-Key': `ct${++key}` } })
    token = (res.body as { token: string }).token
  }
  const res = await backend.handle({ method: 'GET', path: '/contacts', headers: token ? { Authorization: `Bearer ${token}` } : {} })
  return { backend, status: res.status, body: res.body as ContactList }
}

const titles = (l: ContactList) => l.contacts.map((c) => c.title)

describe('community contacts in the mock', () => {
  it('lists a bound resident\'s 楼长 by name with a number to dial, then the offices of their estate', async () => {
    const { backend, status, body } = await contactsAs(KEY_PEOPLE.elderlyResident)
    expect(status).toBe(200)
    expect(body.building).toBe('桂花苑 3栋')
    expect(titles(body)).toEqual(['3栋楼长', '幸福里社区居委会', '社区网格员', '桂花苑物业服务中心'])
    const leader = body.contacts[0]
    const 李建国 = backend.db().persons.find((p) => p.id === KEY_PEOPLE.leader)
    expect(leader).toMatchObject({ kind: 'leader', name: '李建国', phoneNumber: 李建国?.phone })
    expect(leader.phoneNumber).toMatch(/^1\d{10}$/)
    expect(body.contacts[1]).toMatchObject({ kind: 'committee', phoneNumber: '057186512300', hours: '工作日 8:30–17:30' })
  })

  it('gives a resident of 锦绣园 their own 物业 and 楼长, not 桂花苑\'s', async () => {
    const { body } = await contactsAs(KEY_PEOPLE.volunteer) // 张伟, 锦绣园 5栋
    expect(body.building).toBe('锦绣园 5栋')
    expect(titles(body)).toEqual(['5栋楼长', '幸福里社区居委会', '社区网格员', '锦绣园物业服务中心'])
    expect(body.contacts[0].name).toBe('赵敏')
  })

  it('shows an account with no house only office numbers, no 楼长 and no personal phone', async () => {
    const { status, body } = await contactsAs(null, 'fresh')
    expect(status).toBe(200)
    expect(body.building).toBeNull()
    expect(titles(body)).toEqual(['幸福里社区居委会', '社区网格员', '桂花苑物业服务中心', '锦绣园物业服务中心'])
    expect(body.contacts.map((c) => c.kind)).not.toContain('leader')
    expect(body.contacts.map((c) => c.phoneNumber).filter((n) => !n.startsWith('0571'))).toEqual([])
  })

  it('answers without a session too (the bind page and the welcome screen need it)', async () => {
    const { status, body } = await contactsAs(null)
    expect(status).toBe(200)
    expect(body.contacts).toHaveLength(4)
  })

  it('gives each office line its number, hours and what it helps with, and a 楼长 what they do', async () => {
    const { body } = await contactsAs(null)
    expect(body.contacts).toEqual([
      { id: 'ct_committee', kind: 'committee', title: '幸福里社区居委会', name: null, phoneNumber: '057186512300', hours: '工作日 8:30–17:30', duty: '登记住户信息、开证明、反映问题' },
      { id: 'ct_grid', kind: 'grid', title: '社区网格员', name: '陈静', phoneNumber: '057186512301', hours: '工作日 8:30–17:30', duty: '上门走访、帮老人办事、登记住户' },
      { id: 'ct_property_e_1', kind: 'property', title: '桂花苑物业服务中心', name: null, phoneNumber: '057186512310', hours: '24 小时', duty: '报修、停水停电、门禁与电梯' },
      { id: 'ct_property_e_2', kind: 'property', title: '锦绣园物业服务中心', name: null, phoneNumber: '057186512320', hours: '24 小时', duty: '报修、停水停电、门禁与电梯' }
    ])
    const mine = (await contactsAs(KEY_PEOPLE.elderlyResident)).body.contacts[0]
    expect(mine).toMatchObject({ id: 'ct_leader_p_002', kind: 'leader', title: '3栋楼长', hours: null, duty: '楼里的事、代老人报事、通知转达' })
  })

  it('reads numbers the way people say them', () => {
    expect(formatPhoneNumber('057186512300')).toBe('0571-86512300')
    expect(formatPhoneNumber('13812345678')).toBe('138 1234 5678')
    expect(formatPhoneNumber('01012345678')).toBe('010-12345678')
  })
})
