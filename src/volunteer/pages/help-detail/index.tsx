// 互助详情: the claimer claims, releases, marks done with the time it took; the requester (or their
// 楼长) confirms or disputes within 7 days. Every step is refused in the mock for anyone else.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { chinaTimeText } from '../../../../types/contract/volunteer'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, confirm, ErrorState, Field, Loading, openPage, Screen, Skeleton, TextInput, toast } from '../../../core/ui'
import { helpApi } from '../../api'
import { HelpCard } from '../../components/help-card'
import { ReasonBox } from '../../components/reason-box'
import { PAGES, useParam } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

export default function HelpDetail() {
  const ready = useRequireMember()
  const id = useParam('id')
  const task = useRemote(() => helpApi.get(id), [id], ready && !!id)
  const [minutes, setMinutes] = useState('')
  const [minutesError, setMinutesError] = useState<string | null>(null)
  const [disputing, setDisputing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (!ready) return <Screen><Loading /></Screen>
  if (!task.data) return <Screen>{task.error ? <ErrorState message={task.error} code={task.code} onRetry={() => void task.reload()} /> : <Skeleton rows={4} />}</Screen>
  const t = task.data

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
      toast(done, 'success')
      await task.reload()
    } catch (e) {
      setProblem(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const complete = () => {
    const n = Number(minutes)
    if (!Number.isInteger(n) || n < 10 || n > 480) { setMinutesError('用时应为 10–480 分钟'); return }
    void run(() => helpApi.complete(t.id, n), '已标记完成')
  }
  const release = async () => {
    if (await confirm({ title: '放弃认领', content: '放弃后其他志愿者可以认领。确定放弃吗？', confirmText: '放弃', danger: true })) void run(() => helpApi.release(t.id), '已放弃')
  }

  const withdraw = async () => {
    if (await confirm({ title: '撤销求助', content: '撤销后志愿者不会再上门。确定撤销吗？', confirmText: '撤销', danger: true })) void run(() => helpApi.cancel(t.id), '已撤销')
  }

  return (
    <Screen className='vol-help-detail'>
      <HelpCard task={t} />
      {problem ? <Text className='vol-banner vol-banner--danger vol-help-problem'>{problem}</Text> : null}
      <View className='vol-card'>
        <Text className='vol-meta'>发出：{chinaTimeText(t.createdAt)}</Text>
        {t.claimerName ? <Text className='vol-meta vol-help-claimer'>志愿者：{t.claimerName}</Text> : null}
        {t.minutes !== null ? <Text className='vol-meta'>用时：{t.minutes} 分钟</Text> : null}
        {t.confirmedAt ? <Text className='vol-meta'>确认：{chinaTimeText(t.confirmedAt)}{t.autoConfirmed ? '（72 小时未确认，自动确认）' : ''}</Text> : null}
        {t.dispute ? <Text className='vol-meta'>异议：{t.dispute}</Text> : null}
        {t.settlement ? <Text className='vol-meta'>处理结果：{t.settlement}</Text> : null}
      </View>
      <View className='vol-actions'>
        {t.can.claim ? <Button className='vol-help-claim' loading={busy} onClick={() => void run(() => helpApi.claim(t.id), '已认领')}>我来帮忙</Button> : null}
        {t.can.release ? <Button variant='secondary' className='vol-help-release' onClick={() => void release()}>放弃认领</Button> : null}
        {t.can.confirm ? <Button className='vol-help-confirm' loading={busy} onClick={() => void run(() => helpApi.confirm(t.id), '已确认，谢谢')}>确认已帮忙</Button> : null}
        {t.can.cancel ? <Button variant='secondary' className='vol-help-cancel' onClick={() => void withdraw()}>撤销求助</Button> : null}
        {t.can.dispute && !disputing ? <Button variant='plain' className='vol-help-dispute' onClick={() => setDisputing(true)}>有异议</Button> : null}
      </View>
      {t.can.complete ? (
        <View className='vol-card'>
          <Field label='用了多少分钟' required error={minutesError}>
            <TextInput value={minutes} maxLength={3} placeholder='例如 40' onChange={(v) => { setMinutes(v.replace(/\D/g, '')); setMinutesError(null) }} />
          </Field>
          <Button block loading={busy} className='vol-help-done' onClick={complete}>标记完成</Button>
        </View>
      ) : null}
      {disputing ? (
        <ReasonBox label='异议说明' action='提交异议' className='vol-help-dispute-box' onCancel={() => setDisputing(false)}
          onSubmit={async (reason) => { await helpApi.dispute(t.id, reason); setDisputing(false); toast('已提交，社区会处理'); await task.reload() }} />
      ) : null}
      <Button variant='plain' block onClick={() => openPage(PAGES.help)}>返回邻里互助</Button>
    </Screen>
  )
}
