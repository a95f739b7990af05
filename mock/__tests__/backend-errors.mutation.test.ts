// A handler that crashes still answers in the error model (found unguarded by npm run
// mutate:sample): 500 INTERNAL with a message a resident can read, never a stack trace.
import { createMockBackend } from '..'

it('answers a crashed handler with 500 服务暂时出了点问题', async () => {
  const backend = createMockBackend({ now: () => Date.parse('2026-11-29T08:00:00+08:00') })
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    // Arrange a bug: the community structure is gone from the data.
    ;(backend.db() as { estates: unknown }).estates = null
    const res = await backend.handle({ method: 'GET', path: '/community/structure', headers: {} })
    expect(res).toEqual({ status: 500, body: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后重试' } })
    expect(quiet).toHaveBeenCalledTimes(1)
    expect(quiet.mock.calls[0][0]).toBe('[mock] handler crashed:')
  } finally {
    quiet.mockRestore()
  }
})
