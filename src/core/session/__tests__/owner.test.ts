import { create } from 'zustand'
import type { UserProfile } from '../../../../types/contract'
import { ApiError } from '../../api'
import { configureOutbox, flush, registerSender, selectOwnItems, startOutbox, submit, useOutbox } from '../../outbox'
import { currentOwner, keepPerOwner, onIdentityChange, type PerOwner } from '../owner'
import { useSession } from '../store'

const user = (personId: string | null, accountId = `a_${personId}`): UserProfile => ({
  accountId, personId, name: null, roles: ['resident'], house: null, leaderOf: [], isElderly: false, staffTitle: null
})
const signIn = (personId: string | null) => useSession.setState({ token: `t_${personId}`, user: user(personId) })
const signOut = () => useSession.setState({ token: null, user: null })

describe('owner of per-person data', () => {
  beforeEach(() => signOut())

  it('is the census person, the account before a house is bound, and nobody when signed out', () => {
    expect(currentOwner()).toBeNull()
    signIn('p_1')
    expect(currentOwner()).toBe('p_1')
    useSession.setState({ user: user(null, 'acc_9') })
    expect(currentOwner()).toBe('account:acc_9')
  })

  it('tells listeners about a change of person only, not a refreshed profile', () => {
    const heard: Array<[string | null, string | null]> = []
    const off = onIdentityChange((next, prev) => heard.push([next, prev]))
    signIn('p_1')
    useSession.setState({ user: { ...user('p_1'), name: '周婷' } })
    signIn('p_2')
    signOut()
    off()
    expect(heard).toEqual([['p_1', null], ['p_2', 'p_1'], [null, 'p_2']])
  })

  it('keeps a store\'s part per person: put aside on leaving, back on return', () => {
    type S = PerOwner<string> & { text: string }
    const store = create<S>(() => ({ text: '', others: {} }))
    signIn('p_1')
    const off = keepPerOwner<S, string>(store, (s) => s.text, (text) => ({ text }), () => '')
    store.setState({ text: 'A 写了一半' })
    signIn('p_2')
    expect(store.getState().text).toBe('')
    store.setState({ text: 'B 的' })
    signOut()
    expect(store.getState().text).toBe('')
    signIn('p_1')
    expect(store.getState().text).toBe('A 写了一半')
    signIn('p_2')
    expect(store.getState().text).toBe('B 的')
    off()
  })

  it('claims data stored before owners were recorded for the person signed in', () => {
    type S = PerOwner<string> & { text: string }
    signIn('p_1')
    const store = create<S>(() => ({ owner: undefined, text: '旧草稿', others: {} }))
    const off = keepPerOwner<S, string>(store, (s) => s.text, (text) => ({ text }), () => '')
    expect(store.getState()).toMatchObject({ owner: 'p_1', text: '旧草稿' })
    off()
  })
})

describe('outbox items of another person', () => {
  beforeEach(() => {
    configureOutbox({ now: () => 1_000, random: () => 0, retryBaseMs: 60_000 })
    useOutbox.setState({ items: [], sending: [] })
  })

  it('are kept, not shown and not sent while someone else is signed in; they go when their owner is back', async () => {
    const sentAs: Array<string | null> = []
    let offline = true
    registerSender('t.owned', async () => {
      if (offline) throw new ApiError(0, { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
      sentAs.push(useSession.getState().token)
      return { ok: true }
    })
    signIn('p_a')
    const stop = startOutbox()
    expect((await submit('t.owned', 'k_a', {}, 'A 的诉求')).status).toBe('queued')
    expect(useOutbox.getState().items[0].owner).toBe('p_a')
    offline = false

    signIn('p_b')
    expect(selectOwnItems(useOutbox.getState())).toEqual([])
    await flush(true)
    expect(sentAs).toEqual([])
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['k_a'])

    signIn('p_a')
    for (let i = 0; i < 50 && useOutbox.getState().items.length; i++) await new Promise((r) => setTimeout(r, 10))
    expect(sentAs).toEqual(['t_p_a'])
    expect(useOutbox.getState().items).toEqual([])
    stop()
  })
})
