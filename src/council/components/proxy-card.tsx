// 代投 for elderly residents: the resident records a 委托 to their 楼长; the 楼长 casts for up to
// three residents who entrusted them. The resident's own vote before close overrides it.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { YES_NO_LABELS, type Proposal, type YesNoChoice } from '../../../types/contract/council'
import { Button, confirm, Section, toast } from '../../core/ui'
import { councilApi } from '../api'
import { runAction } from '../store'

export function ProxyCard({ p, elderly }: { p: Proposal; elderly: boolean }) {
  const [busy, setBusy] = useState(false)
  const v = p.vote
  if (!v || v.phase === 'closed' || v.question.type !== 'yesno') return null
  const run = async (action: () => Promise<Proposal>, done: string) => {
    setBusy(true)
    const error = await runAction(action)
    setBusy(false)
    toast(error ?? done)
  }
  const entrust = async (leaderId: string, name: string) => {
    if (await confirm({ title: `委托${name}代投？`, content: '楼长代投后您会收到消息；截止前您亲自投票即可更改。' })) void run(() => councilApi.delegate({ id: p.id, leaderId }), '已登记委托')
  }
  const cast = async (residentId: string, name: string, choice: YesNoChoice) => {
    if (await confirm({ title: `为${name}代投「${YES_NO_LABELS[choice]}」？`, content: '请确认这是居民本人的意见。' })) void run(() => councilApi.ballot({ id: p.id, choices: [choice], onBehalfOf: residentId }), '已代投')
  }
  const showEntrust = elderly && !v.myBallot && v.proxyLeaders.length > 0
  if (!showEntrust && v.entrustedToMe.length === 0 && !v.myDelegate) return null
  return (
    <Section title='代投' card className='cl-proxy'>
      {v.myDelegate ? <Text className='cl-line'>您已委托{v.myDelegate}代投</Text>
        : showEntrust ? v.proxyLeaders.map((l) => <Button key={l.personId} variant='secondary' block loading={busy} onClick={() => void entrust(l.personId, l.name)}>委托楼长{l.name}代投</Button>) : null}
      {v.phase === 'open' ? v.entrustedToMe.map((r) => (
        <View key={r.personId} className='cl-proxy__row'>
          <Text className='cl-line'>{r.name}（{r.label}）{r.proxied ? ' · 已代投' : ''}</Text>
          <View className='cl-row ll-button-row'>
            {(['yes', 'no', 'abstain'] as YesNoChoice[]).map((c) => <Button key={c} size='small' variant={c === 'yes' ? 'primary' : 'secondary'} loading={busy} onClick={() => void cast(r.personId, r.name, c)}>{YES_NO_LABELS[c]}</Button>)}
          </View>
        </View>
      )) : null}
      <Text className='cl-line cl-line--muted'>每位楼长每次表决最多为 3 位老人代投。</Text>
    </Section>
  )
}
