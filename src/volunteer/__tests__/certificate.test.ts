// The 证明's one layout, drawn as SVG (H5) and on a canvas (weapp): everything the 办法 asks for is
// on it, long titles wrap, nothing leaves the card; and saving on weapp asks for the album scope,
// with a refusal answered in words and a way to the settings.
import Taro from '@tarojs/taro'
import type { VolunteerCertificate } from '../../../types/contract/volunteer'
import { useSession } from '../../core/session/store'
import { certificateLayout, certificateSvg, drawCertificate, lineBox, textWidth, wrapText, type Ctx2d } from '../certificate'
import { ALBUM_DENIED, albumPermission, saveCertificateImage } from '../certificate-canvas'

const LONG = '幸福里社区“邻里守望·温暖冬日”关爱独居老人上门探访暨冬季防火安全知识宣传志愿服务活动（第二期）'
const cert = (patch: Partial<VolunteerCertificate> = {}): VolunteerCertificate => ({
  number: 'LLZY-2026-p_003-0004', name: '张伟', issuer: '幸福里社区居民委员会', issuedOn: '2026年11月29日', totalMinutes: 270,
  records: [
    { activityTitle: '垃圾分类宣传', startAt: '2026-11-21T01:00:00.000Z', endAt: '2026-11-21T04:00:00.000Z', minutes: 150 },
    { activityTitle: LONG, startAt: '2026-10-30T01:00:00.000Z', endAt: '2026-10-30T03:00:00.000Z', minutes: 120 }
  ],
  ...patch
})

describe('certificate layout', () => {
  it('has the number, name with the total, every record, issuer and date', () => {
    const { lines } = certificateLayout(cert())
    const of = (role: string) => lines.filter((l) => l.role === role).map((l) => l.text).join('')
    expect(of('title')).toBe('志愿服务证明')
    expect(of('number')).toBe('证明编号：LLZY-2026-p_003-0004')
    expect(of('name')).toBe('兹证明 张伟 参加以下志愿服务，累计 4.5 小时：')
    expect(of('record')).toBe(`1. 2026-11-21 垃圾分类宣传 2.5 小时2. 2026-10-30 ${LONG} 2 小时`)
    expect(of('issuer')).toBe('幸福里社区居民委员会')
    expect(of('date')).toBe('2026年11月29日')
  })

  it('wraps a long title onto indented lines and keeps every line inside the card', () => {
    const layout = certificateLayout(cert())
    const records = layout.lines.filter((l) => l.role === 'record')
    expect(records).toHaveLength(3) // one short record, one title over two lines
    expect(records[0].text).toBe('1. 2026-11-21 垃圾分类宣传 2.5 小时')
    expect(records[2].x).toBeGreaterThan(records[1].x) // continuation lines are indented under the title
    const { card } = layout
    for (const l of layout.lines) {
      const box = lineBox(l)
      expect(box.left).toBeGreaterThanOrEqual(card.x + card.stroke)
      expect(box.right).toBeLessThanOrEqual(card.x + card.width - card.stroke)
      expect(box.top).toBeGreaterThanOrEqual(card.y + card.stroke)
      expect(box.bottom).toBeLessThanOrEqual(card.y + card.height - card.stroke)
    }
    // Lines never overlap: each baseline is below the previous one.
    const ys = layout.lines.map((l) => l.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
    expect(new Set(ys).size).toBe(ys.length)
  })

  it('grows with the records, and a long name and many records still fit', () => {
    const many = cert({ name: '欧阳'.repeat(10), records: Array.from({ length: 30 }, (_, i) => ({ activityTitle: `${LONG}${i}`, startAt: '2026-10-30T01:00:00.000Z', endAt: '2026-10-30T03:00:00.000Z', minutes: 60 })) })
    const small = certificateLayout(cert({ records: cert().records.slice(0, 1) }))
    const big = certificateLayout(many)
    expect(big.height).toBeGreaterThan(small.height + 30 * 34)
    expect(big.lines.filter((l) => l.role === 'name').length).toBe(2)
    for (const l of big.lines) expect(lineBox(l).right).toBeLessThanOrEqual(big.card.x + big.card.width - big.card.stroke)
    expect(lineBox(big.lines[big.lines.length - 1]).bottom).toBeLessThanOrEqual(big.card.y + big.card.height)
  })

  it('wraps by characters and measures CJK wider than digits', () => {
    expect(textWidth('志愿', 20)).toBe(40)
    expect(textWidth('12', 20)).toBe(24)
    expect(wrapText('一二三四五', 10, 30)).toEqual(['一二三', '四五'])
    expect(wrapText('一二三四五六七', 10, 30, 10)).toEqual(['一二三', '四五', '六七'])
  })

  it('draws the same lines on SVG and canvas, with markup kept as text', () => {
    const c = cert({ name: '<b>张伟</b>' })
    const layout = certificateLayout(c)
    const svg = certificateSvg(c)
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('兹证明 &lt;b&gt;张伟&lt;/b&gt; 参加以下志愿服务')
    expect(svg.match(/<text /g)).toHaveLength(layout.lines.length)
    const texts: [string, number, number, string][] = []
    const ctx: Ctx2d = {
      fillStyle: '', strokeStyle: '', lineWidth: 0, font: '', textAlign: '', textBaseline: '',
      fillRect: () => undefined, strokeRect: jest.fn(),
      fillText(text, x, y) { texts.push([text, x, y, this.textAlign]) }
    }
    drawCertificate(ctx, layout)
    expect(texts).toEqual(layout.lines.map((l) => [l.text, l.x, l.y, { start: 'left', middle: 'center', end: 'right' }[l.align]]))
    expect(ctx.strokeRect).toHaveBeenCalledWith(layout.card.x, layout.card.y, layout.card.width, layout.card.height)
  })
})

describe('saving the 证明 on weapp', () => {
  beforeEach(() => useSession.setState({ privacyAccepted: true }))
  afterEach(() => jest.restoreAllMocks())

  it('asks for the album scope once, and says no without asking after an earlier refusal', async () => {
    const authorize = jest.spyOn(Taro, 'authorize').mockResolvedValue({ errMsg: 'authorize:ok' } as never)
    jest.spyOn(Taro, 'getSetting').mockResolvedValueOnce({ authSetting: {} } as never).mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false } } as never)
    expect(await albumPermission()).toBe('ok')
    expect(authorize).toHaveBeenCalledWith({ scope: 'scope.writePhotosAlbum' })
    expect(await albumPermission()).toBe('denied')
    expect(authorize).toHaveBeenCalledTimes(1)
  })

  it('answers a refusal with words and the settings way, and saves the drawn PNG when allowed', async () => {
    jest.spyOn(Taro, 'getSetting').mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } } as never)
    const save = jest.spyOn(Taro, 'saveImageToPhotosAlbum').mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' } as never)
    const layout = certificateLayout(cert())
    expect(await saveCertificateImage(layout)).toEqual({ ok: false, denied: true, message: ALBUM_DENIED })
    expect(save).not.toHaveBeenCalled()

    jest.spyOn(Taro, 'getSetting').mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': true } } as never)
    const drawn: string[] = []
    const node = {
      width: 0, height: 0,
      getContext: () => ({ fillStyle: '', strokeStyle: '', lineWidth: 0, font: '', textAlign: '', textBaseline: '', scale: jest.fn(), fillRect: jest.fn(), strokeRect: jest.fn(), fillText: (t: string) => drawn.push(t) })
    }
    const query = { select: () => query, fields: () => query, exec: (cb: (r: unknown) => void) => cb([{ node }]) }
    jest.spyOn(Taro, 'createSelectorQuery').mockReturnValue(query as never)
    const toFile = jest.spyOn(Taro, 'canvasToTempFilePath').mockResolvedValue({ tempFilePath: 'wxfile://tmp/cert.png', errMsg: 'canvasToTempFilePath:ok' } as never)
    expect(await saveCertificateImage(layout)).toEqual({ ok: true })
    expect(node).toMatchObject({ width: 1600, height: layout.height * 2 })
    expect(drawn).toEqual(layout.lines.map((l) => l.text))
    expect(toFile.mock.calls[0][0]).toMatchObject({ canvas: node, fileType: 'png' })
    expect(save).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/cert.png' })

    save.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
    expect(await saveCertificateImage(layout)).toEqual({ ok: false, denied: true, message: ALBUM_DENIED })
  })
})
