// 阅读情况: read households / target households, the households that have not read it (room and
// masked name, for a knock on the door), and 再次提醒 for those only, once per 24 hours.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useParam } from '../../route'
import { useEffect, useState } from 'react'
import { isApiError, messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, confirm, EmptyState, ErrorState, Loading, Screen, Skeleton, toast } from '../../../core/ui'
import { loadReceipts, remindUnread, useNotices } from '../../store'
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
  const percent = receipts.targetHouseholds ? Math.round((receipts.readHouseholds / receipts.targetHouseholds) * 100) : 0
  const remind = async () => {
    const ok = await confirm({ title: '再次提醒', content: `将给还没有阅读的 ${unread.length} 户再发一条提醒，24 小时内只能提醒一次。`, confirmText: '提醒' })
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
      <View className='notice-progress'><View className='notice-progress__bar' style={{ width: `${percent}%` }} /></View>

      {receipts.status === 'withdrawn' ? <Text className='notice-banner'>这条通知已撤回，不能再提醒</Text> : unread.length ? (
        <View className='notice-actions'>
          <Button block loading={reminding} disabled={!!receipts.nextRemindAt} className='receipts-remind' onClick={() => void remind()}>
            {receipts.nextRemindAt ? `${shortTimeOf(receipts.nextRemindAt)} 后可再次提醒` : `再次提醒未读的 ${unread.length} 户`}
          </Button>
        </View>
      ) : null}
      {problem ? <Text className='notice-banner notice-banner--danger receipts-problem'>{problem}</Text> : null}
      {receipts.lastRemindedAt ? <Text className='notice-hint'>上次提醒：{shortTimeOf(receipts.lastRemindedAt)}</Text> : null}

      {unread.length ? (
        <CellGroup title={`未读 ${unread.length} 户（可上门告知）`}>
          {unread.map((h) => <Cell key={h.roomId} className='receipts-unread' title={h.label} value={h.maskedName} />)}
        </CellGroup>
      ) : <EmptyState icon='✅' message='所有住户都已阅读' />}
    </Screen>
  )
}
