// A list row's right-hand value (found unguarded by npm run mutate:sample): 0 and '' are values and
// shown; no value (undefined or null) leaves no empty value box, and no arrow without a tap.
import TestUtils from '@tarojs/test-utils-react'
import type { ReactNode } from 'react'
import { Cell } from '..'

async function valueBox(value: ReactNode) {
  const tu = new TestUtils()
  await tu.mount(() => <Cell title='可用积分' value={value} />)
  const box = tu.queries.querySelector('.ll-cell__value')
  const result = { box: box ? box.textContent : 'none', arrow: tu.queries.querySelector('.ll-cell__arrow') ? 'arrow' : 'none' }
  tu.unmout()
  return result
}

it('shows 0 and 12, and no value box for undefined or null', async () => {
  expect(await valueBox(0)).toEqual({ box: '0', arrow: 'none' })
  expect(await valueBox('12 分')).toEqual({ box: '12 分', arrow: 'none' })
  expect(await valueBox(undefined)).toEqual({ box: 'none', arrow: 'none' })
  expect(await valueBox(null)).toEqual({ box: 'none', arrow: 'none' })
})
