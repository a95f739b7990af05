// The one redaction every outward view goes through: phones, anonymous names, structure untouched.
import { ANONYMOUS_NAME, HIDDEN_NUMBER, maskName, redactPhones, redactText, redactView } from '../redact'

describe('maskName', () => {
  it.each([
    ['周', '*'],
    ['周婷', '周*'],
    ['王秀英', '王*'],
    ['欧阳娜娜', '欧*'],
    ['  李雷 ', '李*']
  ])('masks %s as %s, whatever its length', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})

describe('redactPhones', () => {
  it.each([
    ['电话13800138000', `电话${HIDDEN_NUMBER}`],
    ['请打 138 0013 8000 找我', `请打 ${HIDDEN_NUMBER} 找我`],
    ['138-0013-8000', HIDDEN_NUMBER],
    ['+86 138 0013 8000', HIDDEN_NUMBER],
    ['座机 021-6666.8888', `座机 ${HIDDEN_NUMBER}`],
    ['全角１３８００１３８０００', `全角${HIDDEN_NUMBER}`],
    ['全角分隔 １３８－００１３－８０００', `全角分隔 ${HIDDEN_NUMBER}`],
    ['七位 1234567', `七位 ${HIDDEN_NUMBER}`]
  ])('hides the phone in %s', (text, out) => {
    expect(redactPhones(text)).toBe(out)
  })

  it.each([
    '六位 123456 不是电话',
    '3栋2单元502室',
    '立案编号 LL20261129-0001',
    '预计 2026-12-01 前办结',
    '于 2026-11-29T08:00:00.000Z 受理',
    '12 34 56'
  ])('leaves %s as it is', (text) => {
    expect(redactPhones(text)).toBe(text)
  })

  it('hides a phone right after a case number but keeps the case number', () => {
    expect(redactPhones('LL20261129-0001 联系 13800138000')).toBe(`LL20261129-0001 联系 ${HIDDEN_NUMBER}`)
  })
})

describe('redactText', () => {
  it('replaces full names of two or more characters with 匿名居民', () => {
    expect(redactText('王秀英反映：楼道灯坏了，王秀英电话13800138000', { names: ['王秀英'] }))
      .toBe(`${ANONYMOUS_NAME}反映：楼道灯坏了，${ANONYMOUS_NAME}电话${HIDDEN_NUMBER}`)
  })

  it('leaves one-character names alone (they would erase ordinary words)', () => {
    expect(redactText('王先生来过', { names: ['王'] })).toBe('王先生来过')
  })
})

describe('redactView', () => {
  const view = {
    id: 'sr_0001',
    caseNumber: 'LL20261129-0001',
    createdAt: '2026-11-29T00:00:00.000Z',
    media_url: 'http://127.0.0.1:9527/api/files/f_0001',
    service_request_id: 'sr_1234567',
    location: { placeName: '3栋', note: '门口 13800138000' },
    answers: { lamp: '联系王秀英 139-1234-5678' },
    timeline: [{ note: '已联系 13912345678', at: '2026-11-29T01:00:00.000Z', actorName: '王秀英' }],
    count: 13800138000,
    flag: true,
    none: null
  }

  it('redacts every free-text string at any depth and keeps ids, times, urls and numbers', () => {
    expect(redactView(view, { names: ['王秀英'] })).toEqual({
      ...view,
      location: { placeName: '3栋', note: `门口 ${HIDDEN_NUMBER}` },
      answers: { lamp: `联系${ANONYMOUS_NAME} ${HIDDEN_NUMBER}` },
      timeline: [{ note: `已联系 ${HIDDEN_NUMBER}`, at: '2026-11-29T01:00:00.000Z', actorName: ANONYMOUS_NAME }]
    })
  })

  it('does not change the view it was given', () => {
    const copy = JSON.parse(JSON.stringify(view)) as typeof view
    redactView(view, { names: ['王秀英'] })
    expect(view).toEqual(copy)
  })
})
