// 阅读情况: read households / target households, the households that have not read it (room and
// masked name, for a knock on the door), for an important notice the 我已知晓 count apart from reads,
// and 提醒 for those only (the unconfirmed, when it asks for 我已知晓), once per 24 hours.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useParam } from '../../route'
import { useEffect, useState } from 'react'
import { isApiError, messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, confirm, EmptyState, ErrorState, Loading, Screen, Skeleton, toast } from '../../../core/ui'
import { loadReceipts, remindUnread } from '../../manage'
import { useNotices } from '../../store'
import { shortTimeOf } from '../../time'
import '../../notices.scss'

export default function ReceiptsPage() {
  const ready = useRequireMember()
  const id = useParam('id')
  const receipts = useNotices((s) => s.receipts[id])
  const state = useNotices((s) => s.receiptsState[id])
  const [reminding, setReminding] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => { if (ready && id) void loadReceipts(id) }, [ready, id])
  usePullDownRefresh(() => { void loadReceipts(id).finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  if (!receipts) {
    return <Screen>{state?.phase === 'error' ? <ErrorState message={state.error ?? ''} code={state.code} onRetry={() => void loadReceipts(id)} /> : <Skeleton rows={4} />}</Screen>
  }

  const unread = receipts.unreadHouseholds
  const unconfirmed = receipts.readUnacknowledgedHouseholds ?? []
  const asksAck = receipts.ackHouseholds !== null && receipts.ackHouseholds !== undefined
  // An important notice reminds everyone who has not confirmed; the others those who have not read it.
  const due = asksAck ? unread.length + unconfirmed.length : unread.length
  const dueWord = asksAck ? '未确认' : '未读'
  const again = receipts.lastRemindedAt ? '再次提醒' : '提醒'
  const percentOf = (n: number) => (receipts.targetHouseholds ? Math.round((n / receipts.targetHouseholds) * 100) : 0)
  const remind = async () => {
    const ok = await confirm({ title: `${again}${dueWord}住户`, content: `将给${dueWord}的 ${due} 户发一条提醒，24 小时内只能提醒一次。`, confirmText: '提醒' })
    if (!ok) return
    setReminding(true)
    setProblem(null)
    try {
      const result = await remindUnread(id)
      toast(`已提醒 ${result.remindedHouseholds} 户`, 'success')
    } catch (e) {
      // 429 says when it is allowed again; show it where the button is.
      setProblem(isApiError(e) && e.code === 'RATE_LIMITED' ? e.message : messageOf(e))
    } finally {
      setReminding(false)
    }
  }

  return (
    <Screen className='notice-receipts'>
      <Text className='notice-hint receipts-title'>{receipts.title}</Text>
      {state?.phase === 'error' ? <Text className='notice-banner'>刷新失败：{state.error}</Text> : null}
      <View className='notice-stat'>
        <Text className='notice-stat__big receipts-count'>{receipts.readHouseholds}/{receipts.targetHouseholds}</Text>
        <Text className='notice-stat__text'>户已读</Text>
      </View>
      <View className='notice-progress'><View className='notice-progress__bar' style={{ width: `${percentOf(receipts.readHouseholds)}%` }} /></View>
      {asksAck ? (
        <>
          <View className='notice-stat'>
            <Text className='notice-stat__big receipts-acks'>{receipts.ackHouseholds}/{receipts.targetHouseholds}</Text>
            <Text className='notice-stat__text'>户已确认知晓</Text>
          </View>
          <View className='notice-progress'><View className='notice-progress__bar' style={{ width: `${percentOf(receipts.ackHouseholds ?? 0)}%` }} /></View>
        </>
      ) : null}

      {receipts.status === 'withdrawn' ? <Text className='notice-banner'>这条通知已撤回，不能再提醒</Text> : due ? (
        <View className='notice-actions'>
          <Button block loading={reminding} disabled={!!receipts.nextRemindAt} className='receipts-remind' onClick={() => void remind()}>
            {receipts.nextRemindAt ? `${shortTimeOf(receipts.nextRemindAt)} 后可再次提醒` : `${again}${dueWord}的 ${due} 户`}
          </Button>
        </View>
      ) : null}
      {problem ? <Text className='notice-banner notice-banner--danger receipts-problem'>{problem}</Text> : null}
      {receipts.lastRemindedAt ? <Text className='notice-hint'>上次提醒：{shortTimeOf(receipts.lastRemindedAt)}</Text> : null}

      {unread.length ? (
        <CellGroup title={`未读 ${unread.length} 户（可上门告知）`}>
          {unread.map((h) => <Cell key={h.roomId} className='receipts-unread' title={h.label} value={h.maskedName} />)}
        </CellGroup>
      ) : null}
      {unconfirmed.length ? (
        <CellGroup title={`已读、未确认知晓 ${unconfirmed.length} 户`}>
          {unconfirmed.map((h) => <Cell key={h.roomId} className='receipts-unconfirmed' title={h.label} value={h.maskedName} />)}
        </CellGroup>
      ) : null}
      {!due ? <EmptyState icon='✓' message={asksAck ? '所有住户都已确认知晓' : '所有住户都已阅读'} /> : null}
    </Screen>
  )
}
