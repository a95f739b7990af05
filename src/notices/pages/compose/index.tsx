// 发布通知 / 编辑通知: the draft is saved as it is typed; 预览 shows it as residents will see it;
// 发布 checks with the contract's own rules first, then sends it once (idempotency key).
import { Picker, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useParam } from '../../route'
import { useEffect, useState } from 'react'
import { ACK_CATEGORIES, chinaDate, NOTICE_BODY_MAX, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, NOTICE_TITLE_MAX } from '../../../../types/contract/notices'
import { useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, cx, EmptyState, ErrorState, Field, Loading, Screen, Skeleton, TextArea, TextInput, toast } from '../../../core/ui'
import { addPhotos, loadScope, removePhoto, retryPhoto, sendDraft, useNoticeScope } from '../../compose'
import { NoticeView } from '../../components/notice-view'
import { PhotoField } from '../../components/photo-field'
import { TargetPicker } from '../../components/target-picker'
import { draftOf, NEW_SLOT, useNoticeDrafts, type ComposeDraft } from '../../draft-store'
import { loadNotice } from '../../manage'
import { useNotices } from '../../store'
import { dayOf } from '../../time'
import '../../notices.scss'

const detailUrl = (id: string) => `/notices/pages/detail/index?id=${id}`

function useDraft(slot: string, editId: string | null, ready: boolean): ComposeDraft | null {
  const draft = useNoticeDrafts(draftOf(slot))
  const original = useNotices((s) => (editId ? s.byId[editId] : undefined))
  useEffect(() => {
    if (!ready) return
    if (!editId) {
      if (!useNoticeDrafts.getState().drafts[NEW_SLOT]) useNoticeDrafts.getState().patch(NEW_SLOT, {})
    } else if (original) useNoticeDrafts.getState().startEdit(original)
    else void loadNotice(editId)
  }, [ready, editId, original])
  return draft
}

export default function ComposePage() {
  const ready = useRequireMember()
  const editId = useParam('id') || null
  const slot = editId ?? NEW_SLOT
  const draft = useDraft(slot, editId, ready)
  const patch = useNoticeDrafts((s) => s.patch)
  const { scope, phase, error: scopeError } = useNoticeScope()
  const userName = useSession((s) => s.user?.name ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [today] = useState(() => chinaDate(Date.now()))

  useEffect(() => { if (ready) void loadScope() }, [ready])
  useEffect(() => { void Taro.setNavigationBarTitle({ title: editId ? '编辑通知' : '发布通知' }).catch(() => undefined) }, [editId])

  if (!ready || phase === 'idle' || (phase === 'loading' && !scope)) return <Screen><Loading /></Screen>
  if (phase === 'error' && !scope) return <Screen><ErrorState message={scopeError ?? ''} onRetry={() => void loadScope()} /></Screen>
  if (scope && !scope.canPublish) return <Screen><EmptyState icon='限' message='仅楼长或社区工作人员可以发布通知' /></Screen>
  if (!draft || !scope) return <Screen><Skeleton rows={4} /></Screen>

  // Kept in the draft, so a reload of the page comes back to the preview.
  const previewing = !!draft.previewing
  const setPreviewing = (on: boolean) => patch(slot, { previewing: on })
  const ackForced = draft.category !== null && ACK_CATEGORIES.includes(draft.category)
  const edit = (field: string, value: Partial<ComposeDraft>) => {
    patch(slot, value)
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest)
  }
  const poster = scope.postingAs === 'staff' ? `社区工作人员 ${userName}` : `楼长 ${userName}`
  const labels = new Map(scope.options.map((o) => [`${o.scope}:${o.id}`, o.label]))

  const send = async () => {
    setSending(true)
    setBanner(null)
    const outcome = await sendDraft(slot)
    setSending(false)
    if (outcome.ok) {
      toast(editId ? '已保存修改' : '已发布', 'success')
      await Taro.redirectTo({ url: detailUrl(outcome.notice.id) }).catch(() => undefined)
      return
    }
    setErrors(outcome.fields)
    setPreviewing(false)
    if (!Object.keys(outcome.fields).length) setBanner(outcome.message)
  }

  const onAddPhoto = async () => {
    const problem = await addPhotos(slot)
    if (problem) setErrors((e) => ({ ...e, photoIds: problem }))
  }

  if (previewing) {
    return (
      <Screen className='notice-compose'>
        <Text className='notice-banner'>预览：居民看到的样子</Text>
        <NoticeView notice={{
          ...draft, publishedAt: null, poster,
          targetLabel: draft.targets.map((t) => labels.get(`${t.scope}:${t.id}`) ?? t.id).join('、'),
          photos: draft.photos.map((p) => ({ key: p.id, file: p.file, localPath: p.localPath }))
        }} />
        <View className='notice-actions'>
          <Button variant='secondary' className='compose-back' onClick={() => setPreviewing(false)}>返回修改</Button>
          <Button loading={sending} className='compose-submit' onClick={() => void send()}>{editId ? '保存修改' : '确认发布'}</Button>
        </View>
      </Screen>
    )
  }

  return (
    <Screen className='notice-compose'>
      {banner ? <Text className='notice-banner notice-banner--danger compose-banner'>{banner}</Text> : null}
      <Field label='标题' required error={errors.title}>
        <TextInput className='compose-title' value={draft.title} maxLength={NOTICE_TITLE_MAX} placeholder='例如：3栋明天上午停水' onChange={(title) => edit('title', { title })} />
      </Field>
      <Field label='正文' required error={errors.body}>
        <TextArea className='compose-body' value={draft.body} maxLength={NOTICE_BODY_MAX} placeholder='写清楚时间、地点、要大家做什么' onChange={(body) => edit('body', { body })} />
      </Field>
      <Field label='分类' required error={errors.category}>
        <View className='notice-chips'>
          {NOTICE_CATEGORIES.map((c) => (
            <Text key={c} className={cx('notice-chip', 'compose-category', draft.category === c && 'notice-chip--on')} onClick={() => edit('category', { category: c })}>
              {NOTICE_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
      </Field>
      <Field label='发送给' required hint={scope.postingAs === 'building_leader' ? '只能发给您负责的楼栋' : undefined} error={errors.targets}>
        <TargetPicker options={scope.options} value={draft.targets} staffView={scope.postingAs === 'staff'} onChange={(targets) => edit('targets', { targets })} />
      </Field>
      <Field label='有效期' hint='过了这一天，通知不再显示在首页' error={errors.expiresOn}>
        <View className='notice-row-inline'>
          <Picker mode='date' className='compose-expiry' value={draft.expiresOn ?? today} start={today} onChange={(e) => edit('expiresOn', { expiresOn: String(e.detail.value) })}>
            <Text className={cx('notice-picker-value', !draft.expiresOn && 'notice-picker-value--empty')}>{draft.expiresOn ? `至 ${dayOf(draft.expiresOn)}` : '长期有效（点此设置）'}</Text>
          </Picker>
          {draft.expiresOn ? <Button size='small' variant='plain' className='compose-expiry-clear' onClick={() => edit('expiresOn', { expiresOn: null })}>不设有效期</Button> : null}
        </View>
      </Field>
      <Field label='请居民确认知晓' hint={ackForced ? '停水停电、安全提示类通知，居民看完需点“我已知晓”' : '打开后，居民看完需点“我已知晓”，您能看到谁还没确认'}>
        <Switch className='compose-ack' checked={ackForced || !!draft.requiresAck} disabled={ackForced} color='#c2410c'
          onChange={(e) => edit('requiresAck', { requiresAck: e.detail.value })} />
      </Field>
      <Field label='置顶' hint='置顶的通知排在最前面'>
        <Switch className='compose-pinned' checked={draft.pinned} color='#c2410c' onChange={(e) => edit('pinned', { pinned: e.detail.value })} />
      </Field>
      <PhotoField photos={draft.photos} error={errors.photoIds} onAdd={() => void onAddPhoto()}
        onRemove={(id) => removePhoto(slot, id)} onRetry={(id) => retryPhoto(slot, id)} />
      <Text className='notice-compose__saved'>草稿已自动保存在本机</Text>
      <View className='notice-actions'>
        <Button variant='secondary' className='compose-preview' onClick={() => setPreviewing(true)}>预览</Button>
        <Button loading={sending} className='compose-submit' onClick={() => void send()}>{editId ? '保存修改' : '发布'}</Button>
      </View>
    </Screen>
  )
}
