import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useTheme } from '../../theme'
import { Button, Cell, CellGroup, EmptyState, ErrorState, Field, openPage, Screen, TextInput } from '..'

const textOf = (tu: TestUtils, selector: string) => tu.queries.querySelector(selector)?.textContent ?? null

describe('Field', () => {
  it('shows the inline error text instead of the hint', async () => {
    const tu = new TestUtils()
    await tu.mount(() => (
      <Field label='姓名' required hint='与户籍登记一致' error='姓名与该房屋登记的住户不一致'>
        <TextInput value='王秀' onChange={() => undefined} />
      </Field>
    ))
    expect(textOf(tu, '.ll-field__label')).toBe('姓名（必填）')
    expect(textOf(tu, '.ll-field__error')).toBe('姓名与该房屋登记的住户不一致')
    expect(tu.queries.querySelector('.ll-field__hint')).toBeNull()
    expect(tu.queries.querySelector('.ll-field--error')).not.toBeNull()
    tu.unmout()
  })

  it('shows the hint while there is no error', async () => {
    const tu = new TestUtils()
    await tu.mount(() => <Field label='姓名' hint='与户籍登记一致'><TextInput value='' onChange={() => undefined} /></Field>)
    expect(textOf(tu, '.ll-field__hint')).toBe('与户籍登记一致')
    expect(tu.queries.querySelector('.ll-field__error')).toBeNull()
    tu.unmout()
  })
})

describe('TextInput', () => {
  it('counts characters as a person does and reports typed text', async () => {
    const seen: string[] = []
    function Demo() {
      const [v, setV] = useState('王')
      return <TextInput value={v} maxLength={20} onChange={(x) => { seen.push(x); setV(x) }} />
    }
    const tu = new TestUtils()
    await tu.mount(Demo)
    expect(textOf(tu, '.ll-counter')).toBe('1/20')
    const input = tu.queries.querySelector('.ll-input__native input') as HTMLInputElement
    input.value = '王秀英'
    tu.fireEvent.input(input)
    await tu.queries.waitForQueryByText('3/20', '.ll-counter')
    expect(seen).toContain('王秀英')
    tu.unmout()
  })

  it('shows no n/max counter on a number or a code, which would read like a fraction', async () => {
    const tu = new TestUtils()
    await tu.mount(() => <><TextInput type='number' value='2' maxLength={3} onChange={() => undefined} /><TextInput type='digit' value='12' maxLength={6} onChange={() => undefined} /></>)
    expect(tu.queries.querySelectorAll('.ll-input')).toHaveLength(2)
    expect(tu.queries.querySelectorAll('.ll-counter')).toHaveLength(0)
    expect((tu.queries.querySelector('.ll-input__native input') as HTMLInputElement).maxLength).toBe(3)
    tu.unmout()
  })
})

describe('Button', () => {
  it('is disabled and ignores taps while loading', async () => {
    const onClick = jest.fn()
    const tu = new TestUtils()
    await tu.mount(() => <Button loading onClick={onClick}>提交</Button>)
    const button = tu.queries.querySelector('.ll-button') as HTMLElement
    expect(button.textContent).toContain('提交')
    expect(button.className).toContain('ll-button--disabled')
    // A Taro button always has the attribute (it renders disabled="false" when enabled): its value is what counts.
    expect(button.getAttribute('disabled')).not.toBe('false')
    expect(button.getAttribute('disabled')).toBe('')
    tu.fireEvent.click(button)
    expect(onClick).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('calls onClick when enabled', async () => {
    const onClick = jest.fn()
    const tu = new TestUtils()
    await tu.mount(() => <Button variant='danger' onClick={onClick}>退出登录</Button>)
    tu.fireEvent.click(tu.queries.querySelector('.ll-button--danger') as HTMLElement)
    expect(onClick).toHaveBeenCalledTimes(1)
    tu.unmout()
  })
})

describe('Cell and states', () => {
  it('shows a tappable row with its value and an arrow', async () => {
    const onClick = jest.fn()
    const tu = new TestUtils()
    await tu.mount(() => <CellGroup title='设置'><Cell title='消息' value='3 条未读' onClick={onClick} /></CellGroup>)
    expect(textOf(tu, '.ll-cell-group__title')).toBe('设置')
    expect(textOf(tu, '.ll-cell__value')).toBe('3 条未读')
    expect(textOf(tu, '.ll-cell__arrow')).toBe('›')
    tu.fireEvent.click(tu.queries.querySelector('.ll-cell') as HTMLElement)
    expect(onClick).toHaveBeenCalled()
    tu.unmout()
  })

  it('offers 重试 on an error and the next step on empty', async () => {
    const onRetry = jest.fn()
    const onAction = jest.fn()
    const tu = new TestUtils()
    await tu.mount(() => (
      <>
        <ErrorState message='网络连接失败，请检查网络后重试' onRetry={onRetry} />
        <EmptyState message='还没有诉求' action={{ text: '我要反映', onClick: onAction }} />
      </>
    ))
    const buttons = Array.from(document.querySelectorAll('.ll-button')) as HTMLElement[]
    expect(buttons.map((b) => b.textContent)).toEqual(['重试', '我要反映'])
    tu.fireEvent.click(buttons[0])
    tu.fireEvent.click(buttons[1])
    expect(onRetry).toHaveBeenCalled()
    expect(onAction).toHaveBeenCalled()
    expect(tu.html()).toContain('网络连接失败，请检查网络后重试')
    tu.unmout()
  })
})

describe('Screen', () => {
  afterEach(() => useTheme.setState({ choice: null, systemLarge: false }))

  it('renders the page in 大字模式 when the phone text size is large and no size was chosen yet', async () => {
    useTheme.setState({ choice: null, systemLarge: true })
    const tu = new TestUtils()
    await tu.mount(() => <Screen title='我的'>内容</Screen>)
    const root = tu.queries.querySelector('.ll-screen') as HTMLElement
    expect(root.classList.contains('ll-elder')).toBe(true)
    expect(textOf(tu, '.ll-screen__title')).toBe('我的')
    tu.unmout()
  })

  it('stays at normal size when 标准 was chosen, even with a large system text size', async () => {
    useTheme.setState({ choice: 'standard', systemLarge: true })
    const tu = new TestUtils()
    await tu.mount(() => <Screen>内容</Screen>)
    expect(tu.queries.querySelector('.ll-screen')?.classList.contains('ll-elder')).toBe(false)
    tu.unmout()
  })
})

describe('openPage', () => {
  afterEach(() => jest.restoreAllMocks())

  it('replaces the top page when the page stack is full', async () => {
    jest.spyOn(Taro, 'navigateTo').mockRejectedValue({ errMsg: 'navigateTo:fail webview count limit exceed' })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
    const shown = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    await openPage('/requests/pages/mine/index')
    expect(redirect).toHaveBeenCalledWith({ url: '/requests/pages/mine/index' })
    expect(shown).not.toHaveBeenCalled()
  })

  it('says 该功能即将开放 for a page this build does not have', async () => {
    jest.spyOn(Taro, 'navigateTo').mockRejectedValue({ errMsg: 'navigateTo:fail page "council/pages/index/index" is not found' })
    const shown = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    await openPage('/council/pages/index/index')
    expect(shown).toHaveBeenCalledWith(expect.objectContaining({ title: '该功能即将开放' }))
  })
})
