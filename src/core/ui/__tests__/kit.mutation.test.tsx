// The UI kit's edges: what each state says and offers, the classes that carry meaning (over the
// limit, disabled, final, elder), toasts and confirmations exactly as the platform gets them.
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useTheme } from '../../theme'
import {
  Badge, Button, canGoBack, charCount, confirm, EmptyState, ErrorState, Field, goBackOrHome, Loading, openPage, Screen, Section, Skeleton, Tag, TextArea, TextInput, toast
} from '..'

const q = (selector: string) => document.querySelector(selector) as HTMLElement | null
const all = (selector: string) => Array.from(document.querySelectorAll(selector)) as HTMLElement[]
const flush = () => new Promise((r) => setTimeout(r, 0))

async function mount(render: () => JSX.Element) {
  const tu = new TestUtils()
  await tu.mount(render)
  return tu
}

afterEach(() => jest.restoreAllMocks())

describe('toast and confirm', () => {
  it('toast shows the words for 2.5 s with no icon unless asked', () => {
    const show = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
    toast('已保存')
    toast('提交成功', 'success')
    expect(show.mock.calls).toEqual([[{ title: '已保存', icon: 'none', duration: 2500 }], [{ title: '提交成功', icon: 'success', duration: 2500 }]])
  })

  it('confirm asks with 确定 / 取消 in the brand colour and resolves the tap', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    await expect(confirm({ title: '撤回诉求？' })).resolves.toBe(true)
    expect(modal.mock.calls[0][0]).toEqual({ title: '撤回诉求？', content: '', confirmText: '确定', cancelText: '取消', confirmColor: '#c2410c', cancelColor: '#4b5260' })
  })

  it('a danger step is red, with its own words; cancel and a failed dialog are no', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never)
    await expect(confirm({ title: '退出登录', content: '退出后需重新登录', confirmText: '退出', cancelText: '再想想', danger: true })).resolves.toBe(false)
    expect(modal.mock.calls[0][0]).toEqual({ title: '退出登录', content: '退出后需重新登录', confirmText: '退出', cancelText: '再想想', confirmColor: '#b91c1c', cancelColor: '#4b5260' })
    modal.mockRejectedValueOnce(new Error('showModal:fail'))
    await expect(confirm({ title: 'x' })).resolves.toBe(false)
    modal.mockResolvedValueOnce({ errMsg: 'ok' } as never)
    await expect(confirm({ title: 'x' })).resolves.toBe(false)
  })
})

describe('openPage when the page stack is full and replacing fails', () => {
  it('says 页面打开失败，请返回后重试', async () => {
    jest.spyOn(Taro, 'navigateTo').mockRejectedValue({ errMsg: 'navigateTo:fail webview count LIMIT EXCEED' })
    jest.spyOn(Taro, 'redirectTo').mockRejectedValue({ errMsg: 'redirectTo:fail' })
    const show = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
    await openPage('/a/pages/b/index')
    expect(show.mock.calls.map((c) => c[0]?.title)).toEqual(['页面打开失败，请返回后重试'])
  })

  it('opens the page and says nothing when it exists', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const show = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
    await openPage('/a/pages/b/index')
    expect(nav).toHaveBeenCalledWith({ url: '/a/pages/b/index' })
    expect(show).not.toHaveBeenCalled()
  })
})

describe('Field and its controls', () => {
  it('marks neither 必填 nor an error when not asked', async () => {
    const tu = await mount(() => <Field label='备注'><TextInput value='' onChange={() => undefined} /></Field>)
    expect(q('.ll-field__label')?.textContent).toBe('备注')
    expect(q('.ll-field__required')).toBeNull()
    expect(q('.ll-field')?.className.includes('ll-field--error')).toBe(false)
    expect(q('.ll-field__hint')).toBeNull()
    expect(q('.ll-field__error')).toBeNull()
    tu.unmout()
  })

  it.each([
    ['一二三四', 5, '4/5', false],
    ['一二三四五', 5, '5/5', false],
    ['一二三四五六', 5, '6/5', true],
    ['👍🏠', 2, '2/2', false]
  ])('counts %j against %i as %s, over the limit: %s', async (value, max, text, over) => {
    const tu = await mount(() => <><TextInput value={value} maxLength={max} onChange={() => undefined} /><TextArea value={value} maxLength={max} onChange={() => undefined} /></>)
    const counters = all('.ll-counter')
    expect(counters.map((c) => c.textContent)).toEqual([text, text])
    expect(counters.map((c) => c.classList.contains('ll-counter--over'))).toEqual([over, over])
    tu.unmout()
  })

  it('shows no counter without a limit, and counts characters as a person does', async () => {
    const tu = await mount(() => <><TextInput value='abc' onChange={() => undefined} /><TextArea value='abc' onChange={() => undefined} /></>)
    expect(all('.ll-counter')).toEqual([])
    expect(charCount('👨邻里a')).toBe(4)
    expect(charCount('')).toBe(0)
    tu.unmout()
  })

  it('a disabled input and textarea are greyed and cannot be typed in', async () => {
    const tu = await mount(() => <><TextInput value='x' disabled onChange={() => undefined} /><TextArea value='y' disabled onChange={() => undefined} /></>)
    expect(q('.ll-input')?.classList.contains('ll-input--disabled')).toBe(true)
    expect(q('.ll-textarea')?.classList.contains('ll-input--disabled')).toBe(true)
    expect((q('.ll-input__native input') as HTMLInputElement).disabled).toBe(true)
    tu.unmout()
  })

  it('an enabled input is not greyed', async () => {
    const tu = await mount(() => <><TextInput value='x' onChange={() => undefined} /><TextArea value='y' onChange={() => undefined} /></>)
    expect(q('.ll-input')?.classList.contains('ll-input--disabled')).toBe(false)
    expect(q('.ll-textarea')?.classList.contains('ll-input--disabled')).toBe(false)
    expect((q('.ll-input__native input') as HTMLInputElement).disabled).toBe(false)
    tu.unmout()
  })

  it('a textarea reports typed text and its counter follows', async () => {
    const seen: string[] = []
    function Demo() {
      const [v, setV] = useState('')
      return <TextArea value={v} maxLength={3} onChange={(x) => { seen.push(x); setV(x) }} />
    }
    const tu = await mount(Demo)
    expect(q('.ll-counter')?.textContent).toBe('0/3')
    const area = q('.ll-textarea__native textarea') as HTMLTextAreaElement
    area.value = '楼道灯坏'
    tu.fireEvent.input(area)
    await tu.queries.waitForQueryByText('4/3', '.ll-counter')
    expect(seen).toEqual(['楼道灯坏'])
    expect(q('.ll-counter')?.classList.contains('ll-counter--over')).toBe(true)
    tu.unmout()
  })
})

describe('Button', () => {
  it('an enabled button is enabled, with its variant and size classes', async () => {
    const tu = await mount(() => <Button variant='secondary' size='small' block>查看</Button>)
    const b = q('.ll-button') as HTMLElement
    expect(b.getAttribute('disabled')).toBe('false')
    expect(b.className.split(/\s+/).filter((c) => c.startsWith('ll-'))).toEqual(['ll-button', 'll-button--secondary', 'll-button--small', 'll-button--block'])
    tu.unmout()
  })

  it('a default button is primary and normal size, not block', async () => {
    const tu = await mount(() => <Button>提交</Button>)
    const b = q('.ll-button') as HTMLElement
    expect(b.className.split(/\s+/).filter((c) => c.startsWith('ll-'))).toEqual(['ll-button', 'll-button--primary'])
    tu.unmout()
  })

  it('a disabled button is disabled and ignores taps', async () => {
    const onClick = jest.fn()
    const tu = await mount(() => <Button disabled onClick={onClick}>提交</Button>)
    const b = q('.ll-button') as HTMLElement
    expect(b.getAttribute('disabled')).toBe('')
    expect(b.classList.contains('ll-button--disabled')).toBe(true)
    tu.fireEvent.click(b)
    expect(onClick).not.toHaveBeenCalled()
    tu.unmout()
  })
})

describe('Tag, Badge, Section', () => {
  it('a tag carries its tone, default when none', async () => {
    const tu = await mount(() => <><Tag>待受理</Tag><Tag tone='success' className='x-late'>已办结</Tag></>)
    expect(all('.ll-tag').map((t) => [t.className.split(/\s+/).filter((c) => c.startsWith('ll-') || c === 'x-late').join(' '), t.textContent])).toEqual([
      ['ll-tag ll-tag--default', '待受理'], ['ll-tag ll-tag--success x-late', '已办结']
    ])
    tu.unmout()
  })

  it.each([
    [{}, null],
    [{ count: 0 }, null],
    [{ count: -1 }, null],
    [{ count: 1 }, '1'],
    [{ count: 99 }, '99'],
    [{ count: 100 }, '99+'],
    [{ count: 10, max: 9 }, '9+'],
    [{ count: 9, max: 9 }, '9']
  ])('a badge of %j shows %j', async (props, text) => {
    const tu = await mount(() => <Badge {...props} />)
    expect(q('.ll-badge')?.textContent ?? null).toBe(text)
    expect(q('.ll-badge--dot')).toBeNull()
    tu.unmout()
  })

  it.each([0, 5])('a dot badge shows no number, at a count of %i too', async (count) => {
    const tu = await mount(() => <Badge dot count={count} />)
    const b = q('.ll-badge') as HTMLElement
    expect(b.classList.contains('ll-badge--dot')).toBe(true)
    expect(b.textContent).toBe('')
    tu.unmout()
  })

  it('a section shows its heading and extra, and a card body only when asked', async () => {
    const tu = await mount(() => <><Section title='最新通知' extra='查看全部' card>正文</Section><Section>无标题</Section><Section extra='更多'>x</Section></>)
    const sections = all('.ll-section')
    expect(sections.map((s) => s.querySelector('.ll-section__title')?.textContent ?? null)).toEqual(['最新通知', null, null])
    expect(sections.map((s) => s.querySelector('.ll-section__extra')?.textContent ?? null)).toEqual(['查看全部', null, '更多'])
    expect(sections.map((s) => !!s.querySelector('.ll-section__head'))).toEqual([true, false, true])
    expect(sections.map((s) => s.querySelector('.ll-section__body')?.classList.contains('ll-section__body--card'))).toEqual([true, false, false])
    expect(sections[0].querySelector('.ll-section__body')?.textContent).toBe('正文')
    tu.unmout()
  })
})

describe('Loading, Skeleton, EmptyState', () => {
  it('loading says 正在加载… unless told otherwise', async () => {
    const tu = await mount(() => <><Loading /><Loading text='正在提交…' /></>)
    expect(all('.ll-loading__text').map((t) => t.textContent)).toEqual(['正在加载…', '正在提交…'])
    tu.unmout()
  })

  it('a skeleton draws 3 rows by default, or as many as asked, labelled 正在加载', async () => {
    const tu = await mount(() => <><Skeleton /><Skeleton rows={5} /></>)
    const [a, b] = all('.ll-skeleton')
    expect(a.getAttribute('aria-label')).toBe('正在加载')
    expect(a.querySelectorAll('.ll-skeleton__row')).toHaveLength(3)
    expect(b.querySelectorAll('.ll-skeleton__row')).toHaveLength(5)
    expect(a.querySelectorAll('.ll-skeleton__line--title')).toHaveLength(3)
    tu.unmout()
  })

  it('an empty state shows 邻 by default and no button without an action', async () => {
    const tu = await mount(() => <><EmptyState message='还没有通知' /><EmptyState icon='空' message='暂无' /></>)
    expect(all('.ll-state__icon').map((t) => t.textContent)).toEqual(['邻', '空'])
    expect(all('.ll-state__message').map((t) => t.textContent)).toEqual(['还没有通知', '暂无'])
    expect(all('.ll-button')).toEqual([])
    expect(q('.ll-state')?.classList.contains('ll-state--empty')).toBe(true)
    tu.unmout()
  })
})

describe('ErrorState details', () => {
  const pagesDeep = (n: number) => jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(Array.from({ length: n }, () => ({})) as ReturnType<typeof Taro.getCurrentPages>)

  it.each([
    ['NOT_FOUND', '无', true], ['FORBIDDEN', '限', true], ['VALIDATION', '!', true], ['INVALID_STATE', '!', true], ['CONFLICT', '!', true],
    ['NETWORK', '!', false], ['TIMEOUT', '!', false], ['INTERNAL', '!', false], ['RATE_LIMITED', '!', false]
  ] as const)('%s: icon %s, final (no 重试) %s', async (code, icon, final) => {
    pagesDeep(1)
    const tu = await mount(() => <ErrorState message='出错了' code={code} onRetry={() => undefined} />)
    expect(q('.ll-state__icon')?.textContent).toBe(icon)
    expect(q('.ll-state')?.classList.contains('ll-state--final')).toBe(final)
    expect(q('.ll-state')?.getAttribute('role')).toBe('alert')
    expect(!!q('.ll-state__retry')).toBe(!final)
    tu.unmout()
  })

  it('no hint for codes without one, and no code at all keeps 重试', async () => {
    pagesDeep(1)
    const tu = await mount(() => <><ErrorState message='a' code='CONFLICT' /><ErrorState message='b' code={null} onRetry={() => undefined} /></>)
    expect(all('.ll-state__hint')).toEqual([])
    expect(all('.ll-state__retry').map((b) => b.textContent)).toEqual(['重试'])
    expect(all('.ll-state--final')).toHaveLength(1)
    tu.unmout()
  })

  it('no 重试 without onRetry; a retrying 重试 is disabled', async () => {
    pagesDeep(1)
    const tu = await mount(() => <><ErrorState message='a' code='NETWORK' /><ErrorState message='b' code='NETWORK' retrying onRetry={() => undefined} /></>)
    const retries = all('.ll-state__retry')
    expect(retries).toHaveLength(1)
    expect(retries[0].getAttribute('disabled')).toBe('')
    tu.unmout()
  })

  it('a not-final error over a page offers a plain 返回', async () => {
    pagesDeep(2)
    const tu = await mount(() => <ErrorState message='a' code='NETWORK' />)
    expect(all('.ll-button').map((b) => [b.textContent, b.classList.contains('ll-button--plain')])).toEqual([['返回', true]])
    tu.unmout()
  })
})

describe('canGoBack and goBackOrHome', () => {
  it('can go back only over another page of the app', () => {
    const pages = jest.spyOn(Taro, 'getCurrentPages')
    pages.mockReturnValue([{}, {}] as never)
    expect(canGoBack()).toBe(true)
    pages.mockReturnValue([{}] as never)
    expect(canGoBack()).toBe(false)
    pages.mockImplementation(() => { throw new Error('no router') })
    expect(canGoBack()).toBe(false)
  })

  it('goes to 首页 by switchTab when back fails, and by reLaunch when there is no page and switchTab fails', async () => {
    const pages = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as never)
    jest.spyOn(Taro, 'navigateBack').mockRejectedValue({ errMsg: 'navigateBack:fail' })
    const switchTab = jest.spyOn(Taro, 'switchTab').mockRejectedValue({ errMsg: 'switchTab:fail' })
    const reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'ok' })
    await goBackOrHome()
    expect(switchTab.mock.calls).toEqual([[{ url: '/pages/home/index' }]])
    expect(reLaunch).not.toHaveBeenCalled()
    pages.mockReturnValue([{}] as never)
    await goBackOrHome()
    await flush()
    expect(switchTab).toHaveBeenCalledTimes(2)
    expect(reLaunch.mock.calls).toEqual([[{ url: '/pages/home/index' }]])
  })
})

describe('Screen', () => {
  afterEach(() => useTheme.setState({ choice: null, systemLarge: false }))

  it('is padded unless told not to, with no title row without a title', async () => {
    const tu = await mount(() => <><Screen>a</Screen><Screen padded={false} className='x-page'>b</Screen></>)
    const [a, b] = all('.ll-screen')
    expect(a.classList.contains('ll-screen--padded')).toBe(true)
    expect(b.classList.contains('ll-screen--padded')).toBe(false)
    expect(b.classList.contains('x-page')).toBe(true)
    expect(all('.ll-screen__title')).toEqual([])
    tu.unmout()
  })

  it('puts ll-elder-app on the body in 大字模式 and takes it off again', async () => {
    useTheme.setState({ choice: 'large', systemLarge: false })
    const tu = await mount(() => <Screen>a</Screen>)
    expect(document.body.classList.contains('ll-elder-app')).toBe(true)
    await tu.act(async () => { useTheme.setState({ choice: 'standard' }) })
    expect(document.body.classList.contains('ll-elder-app')).toBe(false)
    expect(q('.ll-screen')?.classList.contains('ll-elder')).toBe(false)
    tu.unmout()
  })
})
