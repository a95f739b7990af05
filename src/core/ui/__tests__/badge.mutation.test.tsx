// Unread counts and status tags (a seed-13 no-coverage mutant of npm run mutate:sample): a Badge
// shows nothing for 0 or less, the count up to its max, "99+" above it, and an empty dot when asked.
import TestUtils from '@tarojs/test-utils-react'
import { Badge, Tag } from '..'

async function badge(props: Parameters<typeof Badge>[0]) {
  const tu = new TestUtils()
  await tu.mount(() => <Badge {...props} />)
  const el = tu.queries.querySelector('.ll-badge')
  const result = el ? `${el.className.includes('ll-badge--dot') ? 'dot' : 'count'}:${el.textContent}` : 'none'
  tu.unmout()
  return result
}

it('counts unread items up to its max and shows nothing for none', async () => {
  expect(await badge({ count: 0 })).toBe('none')
  expect(await badge({ count: -1 })).toBe('none')
  expect(await badge({})).toBe('none')
  expect(await badge({ count: 1 })).toBe('count:1')
  expect(await badge({ count: 99 })).toBe('count:99')
  expect(await badge({ count: 100 })).toBe('count:99+')
  expect(await badge({ count: 10, max: 9 })).toBe('count:9+')
  expect(await badge({ count: 9, max: 9 })).toBe('count:9')
  expect(await badge({ dot: true })).toBe('dot:')
  expect(await badge({ dot: true, count: 5 })).toBe('dot:')
})

it('gives a tag its tone as a class', async () => {
  const tu = new TestUtils()
  await tu.mount(() => <><Tag>默认</Tag><Tag tone='danger' className='x-late'>已超期</Tag></>)
  const tags = Array.from(tu.queries.querySelectorAll('.ll-tag')).map((el) => `${el.className.split(/\s+/).filter((c) => c.startsWith('ll-tag--') || c === 'x-late').join(' ')}:${el.textContent}`)
  expect(tags).toEqual(['ll-tag--default:默认', 'll-tag--danger x-late:已超期'])
  tu.unmout()
})
