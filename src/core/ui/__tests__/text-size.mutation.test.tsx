// 字号 (found unguarded by npm run mutate:sample, seed 12: core's own tests never drew the control):
// two choices, the one in effect marked and checked, a tap on the other switches the whole app.
import TestUtils from '@tarojs/test-utils-react'
import { useTheme } from '../../theme'
import { TextSizeChoice } from '../text-size'

const options = () => Array.from(document.querySelectorAll('.ll-size-choice__option')).map((o) => [
  o.querySelector('.ll-size-choice__label')?.textContent, o.getAttribute('aria-checked'), o.querySelector('.ll-size-choice__mark')?.textContent
])

it('offers 标准 and 大字, marks the one in effect, and a tap on 大字 turns 大字模式 on', async () => {
  useTheme.getState().setSize('standard')
  const tu = new TestUtils()
  await tu.mount(TextSizeChoice)
  expect(document.querySelector('.ll-size-choice')?.getAttribute('role')).toBe('radiogroup')
  expect(options()).toEqual([['标准', 'true', '✓'], ['大字', 'false', '']])
  tu.fireEvent.click(document.querySelector('.ll-size-choice__option--large') as Element)
  await tu.act(async () => { await new Promise((r) => setTimeout(r, 20)) })
  expect(useTheme.getState().choice).toBe('large')
  expect(options()).toEqual([['标准', 'false', ''], ['大字', 'true', '✓']])
  tu.unmout()
  useTheme.getState().setSize('standard')
})
