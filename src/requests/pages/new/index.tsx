// 我要反映: the request form. Everything typed is saved as a draft at once; 提交 checks for
// similar requests and 秒回 answers first, then files through the outbox.
import { Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { DESCRIPTION_MAX } from '../../../../types/contract/requests'
import { type QuickAnswer, type ServiceRequest, type SimilarRequest } from '../../../../types/contract/requests-model'
import { messageOf } from '../../../core/api'
import { discard, onOutboxSent, retryNow, useOutbox } from '../../../core/outbox'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, charCount, confirm, cx, Field, Loading, Screen, TextArea, toast } from '../../../core/ui'
import { BeforeSubmit } from '../../components/before-submit'
import { CategoryPicker } from '../../components/category-picker'
import { ExtraQuestions } from '../../components/extra-questions'
import { OnBehalfBanner } from '../../components/on-behalf'
import { OfflineBar } from '../../components/offline-bar'
import { PhotoGrid } from '../../components/photo-grid'
import { PlacePicker } from '../../components/place-picker'
import { hasContent, useRequestDraft } from '../../draft-store'
import { addDraftPhotos, uploadDraftPhoto } from '../../photos'
import { requestActions } from '../../store'
import { checkBeforeSubmit, draftProblems, selectDraftInOutbox, SUBMIT_KIND, submitDraft, wireRequestOutbox } from '../../submit'
import '../../requests.scss'

export const RECEIPT_URL = '/requests/pages/receipt/index'

export default function NewRequestPage() {
  const ready = useRequireMember()
  useEffect(() => wireRequestOutbox(), [])
  // 代办 (`?onBehalfOf=<personId>` from 代老人办事): that resident's draft, kept apart from the leader's own.
  const onBehalfOf = useRouter()?.params?.onBehalfOf || null
  useState(() => useRequestDraft.getState().switchTo(onBehalfOf))
  const forWhom = useRef<string | undefined>(undefined)
  const [behalfError, setBehalfError] = useState<string | undefined>(undefined)
  const draft = useRequestDraft(useShallow((s) => s))
  // A 待发送 submission that goes out while the form is open shows its receipt like a direct one.
  const filing = useRef(false)
  useEffect(() => onOutboxSent((item, result) => {
    if (filing.current || item.kind !== SUBMIT_KIND || item.key !== draft.key) return
    toast('待发送的诉求已提交', 'success')
    void Taro.redirectTo({ url: `${RECEIPT_URL}?id=${(result as ServiceRequest).id}` })
  }), [draft.key])
  const queued = useOutbox(selectDraftInOutbox(draft.key))
  const sending = useOutbox((s) => s.sending.includes(draft.key))
  const [tried, setTried] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [check, setCheck] = useState<{ similar: SimilarRequest[]; quickAnswers: QuickAnswer[] } | null>(null)
  const [busy, setBusy] = useState<'checking' | 'submitting' | null>(null)
  const [followingId, setFollowingId] = useState<string | null>(null)

  // After the first 提交, problems update as the resident fixes them.
  const errors = useMemo(() => (tried ? { ...serverErrors, ...(draftProblems(draft) ?? {}) } : serverErrors), [tried, serverErrors, draft])
  const locked = !!queued

  if (!ready) return <Screen><Loading /></Screen>

  const file = async () => {
    setBusy('submitting')
    filing.current = true
    try {
      setBehalfError(undefined)
      const outcome = await submitDraft(forWhom.current)
      if (outcome.status === 'sent') {
        toast('提交成功', 'success')
        void Taro.redirectTo({ url: `${RECEIPT_URL}?id=${outcome.result.id}` })
      } else if (outcome.status === 'queued') {
        setCheck(null)
        toast('网络不畅，已保存为待发送')
      } else {
        setCheck(null)
        setServerErrors(outcome.error.fields ?? {})
        // 403 只能为您负责楼栋的居民代办诉求 belongs to the banner at the top, not to a field.
        if (onBehalfOf && (outcome.error.status === 403 || outcome.error.fields?.onBehalfOf)) setBehalfError(outcome.error.fields?.onBehalfOf ?? outcome.error.message)
        toast(outcome.error.message)
      }
    } finally {
      filing.current = false
      setBusy(null)
    }
  }

  const onSubmit = async () => {
    if (busy) return
    setTried(true)
    setServerErrors({})
    const problems = draftProblems(useRequestDraft.getState())
    if (problems) {
      toast(Object.values(problems)[0])
      return
    }
    setBusy('checking')
    const found = await checkBeforeSubmit(useRequestDraft.getState())
    setBusy(null)
    if (found.similar.length || found.quickAnswers.length) setCheck(found)
    else await file()
  }

  const follow = async (id: string) => {
    setFollowingId(id)
    try {
      await requestActions.follow(id)
      useRequestDraft.getState().clear()
      toast('已关注，办理进展会通知您', 'success')
      void Taro.redirectTo({ url: `/requests/pages/detail/index?id=${id}` })
    } catch (e) {
      toast(messageOf(e))
    } finally {
      setFollowingId(null)
    }
  }

  const onAddPhotos = async () => {
    const refusal = await addDraftPhotos()
    if (refusal) toast(refusal)
  }

  const startOver = async () => {
    if (await confirm({ title: '清空这次填写的内容？', content: '清空后无法恢复', confirmText: '清空', danger: true })) {
      useRequestDraft.getState().clear()
      setTried(false)
      setServerErrors({})
    }
  }

  if (check) {
    return (
      <Screen title='提交前看一看'>
        <BeforeSubmit similar={check.similar} quickAnswers={check.quickAnswers} followingId={followingId} submitting={busy === 'submitting'}
          onFollow={(id) => void follow(id)} onSubmitAnyway={() => void file()} onBack={() => setCheck(null)} />
      </Screen>
    )
  }

  const count = charCount(draft.description.trim())
  return (
    <Screen className='rq-new'>
      <OfflineBar text='网络已断开：可以继续填写，提交后会在联网时自动发送' />
      {onBehalfOf ? <OnBehalfBanner personId={onBehalfOf} error={behalfError} onResident={(r) => { forWhom.current = r.name }} /> : null}
      {queued ? (
        <View className={cx('rq-banner', queued.failed ? 'rq-banner--error' : 'rq-banner--pending')}>
          <Text className='rq-banner__title'>{queued.failed ? '发送失败' : sending ? '正在发送…' : '待发送'}</Text>
          <Text className='rq-banner__text'>
            {queued.failed ? queued.lastError : `已保存在手机上，联网后自动发送${queued.attempts ? `（已尝试 ${queued.attempts} 次）` : ''}`}
          </Text>
          {queued.failed
            ? <Button size='small' variant='secondary' onClick={() => discard(queued.key)}>修改后重新提交</Button>
            : <Button size='small' variant='secondary' loading={sending} onClick={() => void retryNow(queued.key)}>立即重试</Button>}
        </View>
      ) : null}
      <CategoryPicker value={draft.categoryCode} error={errors.categoryCode} disabled={locked} onChange={draft.setCategory} />
      <ExtraQuestions categoryCode={draft.categoryCode} answers={draft.answers} errors={errors} disabled={locked} onAnswer={draft.setAnswer} />
      <Field label='问题描述' required error={errors.description} hint='说清楚什么问题、从什么时候开始、影响了谁（10–500 字）'>
        <TextArea value={draft.description} onChange={draft.setDescription} disabled={locked} placeholder='例：3栋2单元门口的路灯已经坏了一周，晚上老人出入看不清路' />
        <Text className={cx('rq-counter', (count > DESCRIPTION_MAX || (tried && count < 10)) && 'rq-counter--over')}>{count}/{DESCRIPTION_MAX}</Text>
      </Field>
      <PhotoGrid photos={draft.photos} error={errors.photos} disabled={locked} onAdd={() => void onAddPhotos()}
        onRemove={draft.removePhoto} onRetry={(id) => void uploadDraftPhoto(id)} />
      <PlacePicker place={draft.place} note={draft.note} errors={errors} disabled={locked} onPlace={draft.setPlace} onNote={draft.setNote} />
      <Field label='公开时不显示我的名字' hint='社区会把大家反映的问题和办理结果公开（“公示”）。打开后，公开页面不显示您的姓名；社区工作人员仍能看到是谁反映的，以便联系您'>
        <View className='rq-switch'>
          <Text>{draft.anonymous ? '公示时显示为「匿名居民」' : '公示时只显示姓（如：王*），不显示名字'}</Text>
          <Switch className='rq-anonymous' checked={draft.anonymous} disabled={locked} color='#c2410c' onChange={(e) => draft.setAnonymous(e.detail.value)} />
        </View>
      </Field>
      {locked ? null : (
        <View className='rq-actions'>
          <Button block className='rq-submit' loading={busy !== null} onClick={() => void onSubmit()}>
            {busy === 'checking' ? '正在检查…' : '提交'}
          </Button>
          {hasContent(draft) ? <Button block variant='plain' onClick={() => void startOver()}>清空重填</Button> : null}
          <Text className='rq-saved'>内容已自动保存，退出后再进来还在</Text>
        </View>
      )}
    </Screen>
  )
}
