import { mendAccessibility, nameOf } from '../a11y-h5'

describe('H5 accessibility mending', () => {
  beforeEach(() => { document.body.innerHTML = '' })

  it('names a control by host aria-label, then field label, then cell title, then placeholder', () => {
    document.body.innerHTML = `
      <div aria-label="搜索"><input id="a"></div>
      <div class="ll-field"><div class="ll-field__label">积分<span>（必填）</span></div><div><input id="b"></div></div>
      <div class="ll-cell"><span class="ll-cell__title">大字模式</span><input id="c" type="checkbox"></div>
      <input id="d" placeholder="例如 2">
      <input id="e">
      <input id="f" aria-label="已有名字">`
    mendAccessibility()
    const label = (id: string) => document.getElementById(id)!.getAttribute('aria-label')
    expect([label('a'), label('b'), label('c'), label('d'), label('e'), label('f')]).toEqual(['搜索', '积分', '大字模式', '例如 2', null, '已有名字'])
    expect(nameOf(document.getElementById('e')!)).toBe('')
  })

  it('makes page and scroll-view scrollers focusable without overriding a set tabindex', () => {
    document.body.innerHTML = '<div class="taro_page" id="p"></div><taro-scroll-view-core id="s"></taro-scroll-view-core><div class="taro_page" id="q" tabindex="-1"></div>'
    mendAccessibility()
    expect(['p', 's', 'q'].map((id) => document.getElementById(id)!.getAttribute('tabindex'))).toEqual(['0', '0', '-1'])
  })
})
