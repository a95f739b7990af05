// Staff record a 委托 an elderly resident made by phone: the resident (60+, on the frozen roll) and
// the 楼长 of their building they asked to cast for them. The mock checks role, roll and building.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Proposal, ProxyCandidate } from '../../../types/contract/council'
import { messageOf } from '../../core/api'
import { Button, confirm, Section, toast } from '../../core/ui'
import { councilApi } from '../api'
import { runAction } from '../store'

export function PhoneProxy({ p }: { p: Proposal }) {
  const [list, setList] = useState<ProxyCandidate[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () => councilApi.proxyCandidates(p.id).then((l) => { setList(l); setError(null) }, (e) => setError(messageOf(e)))
  useEffect(() => { void load() }, [p.id]) // eslint-disable-line react-hooks/exhaustive-deps

  const record = async (c: ProxyCandidate, leader: { personId: string; name: string }) => {
    if (!(await confirm({ title: `登记${c.name}委托${leader.name}代投？`, content: '请确认已与居民本人通话，这是他/她本人的意愿。居民会收到消息，截止前亲自投票即可更改。' }))) return
    setBusy(true)
    const problem = await runAction(() => councilApi.delegate({ id: p.id, leaderId: leader.personId, residentId: c.personId, note: '电话委托，工作人员登记' }))
    setBusy(false)
    if (problem) { toast(problem); return }
    toast('已登记委托')
    void load()
  }

  return (
    <Section title='登记电话委托（老人委托楼长代投）' card className='cl-phone-proxy'>
      {error ? <Text className='cl-line cl-line--error'>{error}</Text> : null}
      {list === null && !error ? <Text className='cl-line cl-line--muted'>正在加载…</Text> : null}
      {list && !list.length ? <Text className='cl-line cl-line--muted'>本次表决名单中没有 60 岁以上的居民</Text> : null}
      {(list ?? []).map((c) => (
        <View key={c.personId} className='cl-phone-proxy__row'>
          <Text className='cl-line cl-phone-proxy__who'>{c.name}（{c.age}岁）· {c.houseLabel}</Text>
          {c.voted ? <Text className='cl-line cl-line--muted'>本人已投票</Text>
            : c.delegatedTo ? <Text className='cl-line cl-phone-proxy__done'>已委托{c.delegatedTo}代投</Text>
              : c.leaders.length ? (
                <View className='cl-row ll-button-row'>
                  {c.leaders.map((l) => <Button key={l.personId} size='small' variant='secondary' loading={busy} onClick={() => void record(c, l)}>委托{l.name}</Button>)}
                </View>
              ) : <Text className='cl-line cl-line--muted'>这栋楼还没有楼长，无法代投</Text>}
        </View>
      ))}
    </Section>
  )
}
