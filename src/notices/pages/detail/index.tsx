// One notice in full. Opening it records the read receipt (the server does it with the load).
// Its author (or staff) also gets 阅读情况 / 编辑 / 撤回 here.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useParam } from '../../route'
import { useEffect, useState } from 'react'
import { isExpired, type Notice } from '../../../../types/contract/notices'
import { messageOf } from '../../../core/api'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, confirm, ErrorState, Loading, openPage, Screen, Skeleton, toast } from '../../../core/ui'
import { NoticeView } from '../../components/notice-view'
import { acknowledgeNotice } from '../../ack'
import { loadNotice, withdrawNotice } from '../../manage'
import { useNotices } from '../../store'
import { dayOf } from '../../time'
import '../../notices.scss'

export const composeUrl = (id?: string) => `/notices/pages/compose/index${id ? `?id=${id}` : ''}`
export const receiptsUrl = (id: string) => `/notices/pages/receipts/index?id=${id}`

function AuthorActions({ notice }: { notice: Notice }) {
  const [busy, setBusy] = useState(false)
  if (notice.status === 'withdrawn') return null
  const withdraw = async () => {
    const ok = await confirm({ title: '撤回这条通知？', content: '撤回后居民将看不到这条通知，您的发布记录中会保留并标为已撤回。', confirmText: '撤回', danger: true })
    if (!ok) return
    setBusy(true)
    try {
      await withdrawNotice(notice.id)
      toast('已撤回', 'success')
    } catch (e) {
      toast(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='notice-actions'>
      <Button className='notice-detail__receipts' onClick={() => openPage(receiptsUrl(notice.id))}>阅读情况</Button>
      {notice.mine ? <Button variant='secondary' className='notice-detail__edit' onClick={() => openPage(composeUrl(notice.id))}>编辑</Button> : null}
      <Button variant='danger' loading={busy} className='notice-detail__withdraw' onClick={() => void withdraw()}>撤回</Button>
    </View>
  )
}

/** 我已知晓 on an important notice: the resident confirms, and the author counts it apart from reads. */
function AckBar({ notice }: { notice: Notice }) {
  const [busy, setBusy] = useState(false)
  if (!notice.requiresAck || notice.mine || notice.status === 'withdrawn') return null
  if (notice.acknowledged) return <Text className='notice-ack notice-ack--done'>您已确认知晓这条通知</Text>
  const ack = async () => {
    setBusy(true)
    try {
      const outcome = await acknowledgeNotice(notice.id)
      if (outcome.status === 'sent') toast('已确认知晓', 'success')
      else if (outcome.status === 'queued') toast('已记下，联网后自动发送')
      else toast(outcome.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='notice-ack'>
      <Text className='notice-ack__hint'>这是一条重要通知，请看完后点“我已知晓”，让发布人知道您已收到。</Text>
      <Button block loading={busy} className='notice-ack__button' onClick={() => void ack()}>我已知晓</Button>
    </View>
  )
}

export default function NoticeDetailPage() {
  const ready = useRequireMember()
  const id = useParam('id')
  const notice = useNotices((s) => s.byId[id])
  const state = useNotices((s) => s.detail[id])
  const isStaff = useSession((s) => hasRole(s.user, 'staff'))
  const [openedAt] = useState(() => Date.now())

  useEffect(() => { if (ready && id) void loadNotice(id) }, [ready, id])
  usePullDownRefresh(() => { void loadNotice(id).finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  if (!id) return <Screen><ErrorState message='没有找到这条通知' code='NOT_FOUND' /></Screen>
  if (!notice || state?.phase === 'error') {
    return (
      <Screen>
        {state?.phase === 'error' ? <ErrorState message={state.error ?? ''} code={state.code} onRetry={() => void loadNotice(id)} /> : <Skeleton rows={4} />}
      </Screen>
    )
  }
  const expired = isExpired(notice.expiresOn, openedAt)
  return (
    <Screen className='notice-detail'>
      {notice.status === 'withdrawn' ? <Text className='notice-banner notice-banner--danger'>已撤回：居民已看不到这条通知</Text> : null}
      {expired ? <Text className='notice-banner'>已过期（有效期至 {dayOf(notice.expiresOn as string)}）</Text> : null}
      <NoticeView notice={{
        ...notice,
        poster: `${notice.author.roleLabel} ${notice.author.name}`,
        photos: notice.photos.map((file) => ({ key: file.id, file }))
      }} />
      <AckBar notice={notice} />
      {notice.mine || isStaff ? <AuthorActions notice={notice} /> : null}
    </Screen>
  )
}
