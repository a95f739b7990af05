// 签到签退: scan the organiser's QR code (weapp) or type its 6 digits; the same page checks out.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CHECK_WINDOW_MS, chinaTimeText, parseCheckInText, slotText } from '../../../../types/contract/volunteer'
import { isApiError, messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, EmptyState, ErrorState, Field, Loading, openPage, Screen, Skeleton, TextInput, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { PAGES, useParam } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

/** When check-in opens, or that it has closed — not only the rule (开始前 30 分钟至结束后 30 分钟). */
function windowText(startAt: string, now: number): string {
  const opens = Date.parse(startAt) - CHECK_WINDOW_MS
  const minutes = CHECK_WINDOW_MS / 60_000
  if (now < opens) return `${chinaTimeText(opens)} 起可以签到（活动开始前 ${minutes} 分钟），到时再打开本页`
  return `签到签退已结束（活动结束后 ${minutes} 分钟内可签）。忘了签退的，请联系组织者补录`
}

export default function CheckInPage() {
  const ready = useRequireMember()
  const slotId = useParam('slotId')
  const overview = useRemote(() => volunteerApi.overview(), [], ready)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The device clock when the page opened: enough to say when check-in opens.
  const [now] = useState(() => Date.now())
  if (!ready) return <Screen><Loading /></Screen>
  if (!overview.data) return <Screen>{overview.error ? <ErrorState message={overview.error} code={overview.code} onRetry={() => void overview.reload()} /> : <Skeleton rows={3} />}</Screen>
  const signup = [...overview.data.upcoming, ...overview.data.history].find((s) => s.slotId === slotId && s.status === 'confirmed')
  if (!signup) return <Screen><EmptyState icon='签' message='您没有报名这个时段，不能在这里签到' action={{ text: '查看我的报名', onClick: () => void openPage(PAGES.mine) }} /></Screen>
  const checkingOut = !!signup.checkInAt

  const submit = async (digits: string) => {
    if (!/^\d{6}$/.test(digits)) { setError('请输入 6 位数字签到码'); return }
    setBusy(true)
    setError(null)
    try {
      const result = checkingOut ? await volunteerApi.checkOut(slotId, digits) : await volunteerApi.checkIn(slotId, digits)
      toast(checkingOut ? '签退成功' : '签到成功', 'success')
      setCode('')
      if (result.hours) toast(`记录 ${result.hours.minutes} 分钟，公示中`)
      await overview.reload()
    } catch (e) {
      setError(isApiError(e) ? e.fields?.code ?? e.message : messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const parsed = parseCheckInText(res.result)
      if (!parsed || (parsed.slotId && parsed.slotId !== slotId)) { setError('这不是本时段的签到码'); return }
      await submit(parsed.code)
    } catch {
      setError('没有扫到签到码，可以直接输入 6 位数字')
    }
  }

  return (
    <Screen className='vol-check-in'>
      <View className='vol-card'>
        <Text className='vol-title'>{signup.activityTitle}</Text>
        <Text className='vol-meta'>{slotText(signup.startAt, signup.endAt)} · {signup.place}</Text>
        {signup.checkOutAt ? <Text className='vol-text vol-check-done'>已签退，服务时长 {signup.hours?.minutes ?? 0} 分钟，公示 3 天后确认</Text> : null}
      </View>
      {signup.checkOutAt ? null : !signup.checkOpen ? <Text className='vol-banner vol-check-window'>{windowText(signup.startAt, now)}</Text> : (
        <>
          {process.env.TARO_ENV === 'weapp' ? <Button block className='vol-check-scan' onClick={() => void scan()}>扫码{checkingOut ? '签退' : '签到'}</Button> : null}
          <Field label={`输入组织者手机上的 6 位${checkingOut ? '签退' : '签到'}码`} error={error}>
            <TextInput value={code} maxLength={6} placeholder='6 位数字' onChange={(v) => { setCode(v.replace(/\D/g, '')); setError(null) }} />
          </Field>
          <Button block loading={busy} className='vol-check-submit' onClick={() => void submit(code)}>{checkingOut ? '签退' : '签到'}</Button>
        </>
      )}
      <Button variant='plain' block onClick={() => openPage(PAGES.mine)}>返回我的志愿</Button>
    </Screen>
  )
}
