// 发布志愿活动 (staff for anything, 楼长 for their buildings): the form is kept as typed, a preview
// shows what volunteers will see, and publishing carries the draft's key (a double tap files once).
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import {
  ACTIVITY_DESCRIPTION_MAX, ACTIVITY_PLACE_MAX, ACTIVITY_SLOTS_MAX, ACTIVITY_TITLE_MAX, chinaDay, slotProblems, slotText,
  VOLUNTEER_AUDIENCE_LABELS, VOLUNTEER_AUDIENCES, volunteerEndpoints
} from '../../../../types/contract/volunteer'
import { isApiError, messageOf, validateInput } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, EmptyState, ErrorState, Field, Loading, Screen, Section, Skeleton, TextArea, TextInput, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { ActivityPhotos, PhotoField } from '../../components/photos'
import { emptySlot, toActivityInput, useVolunteerDrafts, type PublishDraft, type SlotDraft } from '../../draft-store'
import { addActivityPhotos, photoProblem, removeActivityPhoto, retryActivityPhoto } from '../../photos'
import { PAGES, useParam } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

export default function PublishActivity() {
  const ready = useRequireMember()
  const editId = useParam('id')
  const which = editId ? 'edit' as const : 'publish' as const
  const scope = useRemote(() => volunteerApi.scope(), [], ready)
  // Editing: the published activity fills the edit draft once; a saved edit draft wins.
  useRemote(async () => {
    const a = await volunteerApi.get(editId)
    useVolunteerDrafts.getState().startEdit(a)
    return a
  }, [editId], ready && !!editId)
  const stored = useVolunteerDrafts((s) => (which === 'edit' ? (s.edit?.activityId === editId ? s.edit : null) : s.publish))
  const patchStore = useVolunteerDrafts((s) => s.patchPublish)
  const patchSlotStore = useVolunteerDrafts((s) => s.patchSlot)
  const patch = (p: Partial<PublishDraft>) => patchStore(p, which)
  const patchSlot = (i: number, p: Partial<SlotDraft>) => patchSlotStore(i, p, which)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState(false)
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (!ready) return <Screen><Loading /></Screen>
  if (!scope.data) return <Screen>{scope.error ? <ErrorState message={scope.error} code={scope.code} onRetry={() => void scope.reload()} /> : <Skeleton rows={6} />}</Screen>
  if (!scope.data.canPublish) return <Screen><EmptyState icon='限' message='仅社区工作人员或楼长可以发布志愿活动' /></Screen>
  if (!stored) return <Screen><Skeleton rows={6} /></Screen>
  const draft = stored
  const buildings = scope.data.buildings
  const isLeader = scope.data.postingAs === 'building_leader'
  const today = chinaDay(Date.now())

  const check = (): Record<string, string> => {
    const input = toActivityInput(draft)
    const found: Record<string, string> = { ...(validateInput(volunteerEndpoints.publishVolunteerActivity, input)?.fields ?? {}) }
    // One message for the slots, the most useful first: a missing day, then the schema, then the rules.
    const schemaSlot = Object.entries(found).find(([k]) => k.startsWith('slots'))?.[1]
    for (const k of Object.keys(found)) if (k.startsWith('slots')) delete found[k]
    const slot = draft.slots.some((s) => !s.day) ? '请为每个时段选择日期' : schemaSlot ?? slotProblems(input.slots.filter((x) => !x.id), Date.now())
    if (slot) found.slots = slot
    if (isLeader && !draft.buildingId) found.buildingId = '请选择活动所属的楼栋'
    const photos = photoProblem(draft.photos ?? [])
    if (photos) found.photoIds = photos
    return found
  }
  const slotError = Object.entries(errors).find(([k]) => k.startsWith('slots'))?.[1] ?? null

  const showPreview = () => {
    const found = check()
    setErrors(found)
    if (Object.keys(found).length) { toast('请先改正标红的内容'); return }
    setPreview(true)
  }
  const publish = async () => {
    setSending(true)
    setProblem(null)
    try {
      const created = editId
        ? await volunteerApi.update({ ...toActivityInput(draft), id: editId }, { idempotencyKey: draft.key })
        : await volunteerApi.publish(toActivityInput(draft), { idempotencyKey: draft.key })
      useVolunteerDrafts.getState().clearPublish(which)
      toast(editId ? '已保存，报名者会收到变更通知' : '已发布', 'success')
      await Taro.redirectTo({ url: PAGES.detail(created.id) }).catch(() => undefined)
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields)
      setProblem(messageOf(e))
      setPreview(false)
    } finally {
      setSending(false)
    }
  }

  if (preview) {
    const input = toActivityInput(draft)
    return (
      <Screen className='vol-publish-preview'>
        <Text className='vol-banner'>预览：居民看到的样子。确认无误后发布。</Text>
        <View className='vol-card'>
          <Text className='vol-title'>{input.title}</Text>
          <Text className='vol-meta'>地点：{input.place}</Text>
          <Text className='vol-meta'>参加对象：{VOLUNTEER_AUDIENCE_LABELS[draft.audience]}</Text>
          <Text className='vol-text'>{input.description}</Text>
          {(draft.photos ?? []).some((p) => p.file) ? <ActivityPhotos photos={(draft.photos ?? []).flatMap((p) => (p.file ? [p.file] : []))} /> : null}
          {input.slots.map((s, i) => <Text key={i} className='vol-meta'>{slotText(s.startAt, s.endAt)} · {s.capacity} 人</Text>)}
        </View>
        <View className='vol-actions'>
          <Button className='vol-publish-submit' loading={sending} onClick={() => void publish()}>{editId ? '确认保存' : '确认发布'}</Button>
          <Button variant='secondary' className='vol-publish-edit' onClick={() => setPreview(false)}>返回修改</Button>
        </View>
      </Screen>
    )
  }

  return (
    <Screen className='vol-publish'>
      <Text className='vol-meta'>填写内容会自动保存为草稿，下次打开可继续。</Text>
      {problem ? <Text className='vol-banner vol-banner--danger vol-publish-problem'>{problem}</Text> : null}
      <Field label='活动名称' required error={errors.title}>
        <TextInput value={draft.title} maxLength={ACTIVITY_TITLE_MAX} placeholder='例如：社区环境清洁日' onChange={(title) => patch({ title })} />
      </Field>
      <Field label='活动说明' required error={errors.description}>
        <TextArea value={draft.description} maxLength={ACTIVITY_DESCRIPTION_MAX} placeholder='做什么、要带什么、注意事项' onChange={(description) => patch({ description })} />
      </Field>
      <Field label='活动地点' required error={errors.place}>
        <TextInput value={draft.place} maxLength={ACTIVITY_PLACE_MAX} placeholder='例如：社区服务中心门口' onChange={(place) => patch({ place })} />
      </Field>
      <PhotoField photos={draft.photos ?? []} error={errors.photoIds}
        onAdd={() => void addActivityPhotos(which).then((m) => { if (m) toast(m) })}
        onRemove={(id) => removeActivityPhoto(which, id)} onRetry={(id) => retryActivityPhoto(which, id)} />
      <Field label='参加对象' error={errors.audience}>
        <Picker mode='selector' className='vol-audience' range={VOLUNTEER_AUDIENCES.map((a) => VOLUNTEER_AUDIENCE_LABELS[a])} value={VOLUNTEER_AUDIENCES.indexOf(draft.audience)}
          onChange={(e) => patch({ audience: VOLUNTEER_AUDIENCES[Number(e.detail.value)] })}>
          <View className='vol-picker'>{VOLUNTEER_AUDIENCE_LABELS[draft.audience]}</View>
        </Picker>
      </Field>
      <Field label='最低年龄' hint='0 表示不限' error={errors.minAge}>
        <TextInput value={draft.minAge} maxLength={2} onChange={(minAge) => patch({ minAge: minAge.replace(/\D/g, '') })} />
      </Field>
      {buildings.length ? (
        <Field label='所属楼栋' required={isLeader} hint={isLeader ? undefined : '不选表示面向全社区'} error={errors.buildingId}>
          <Picker mode='selector' className='vol-building' range={[...(isLeader ? [] : ['全社区']), ...buildings.map((b) => b.label)]}
            onChange={(e) => {
              const i = Number(e.detail.value) - (isLeader ? 0 : 1)
              patch({ buildingId: i >= 0 ? buildings[i].id : null })
            }}>
            <View className='vol-picker'>{buildings.find((b) => b.id === draft.buildingId)?.label ?? (isLeader ? '请选择楼栋' : '全社区')}</View>
          </Picker>
        </Field>
      ) : null}
      <Section title='时段与名额'>
        {slotError ? <Text className='vol-banner vol-banner--danger vol-slot-error'>{slotError}</Text> : null}
        {draft.slots.map((s, i) => (
          <View key={i} className='vol-card vol-slot-form'>
            <Picker mode='date' className='vol-slot-day' value={s.day || today} start={today} onChange={(e) => patchSlot(i, { day: String(e.detail.value) })}>
              <View className='vol-picker'>{s.day || '选择日期'}</View>
            </Picker>
            <View className='vol-actions'>
              <Picker mode='time' className='vol-slot-start' value={s.start} onChange={(e) => patchSlot(i, { start: String(e.detail.value) })}>
                <View className='vol-picker'>开始 {s.start}</View>
              </Picker>
              <Picker mode='time' className='vol-slot-end' value={s.end} onChange={(e) => patchSlot(i, { end: String(e.detail.value) })}>
                <View className='vol-picker'>结束 {s.end}</View>
              </Picker>
            </View>
            <Field label='名额（人）'>
              <TextInput value={s.capacity} maxLength={3} onChange={(capacity) => patchSlot(i, { capacity: capacity.replace(/\D/g, '') })} />
            </Field>
            {draft.slots.length > 1 ? <Button variant='plain' size='small' className='vol-slot-remove' onClick={() => patch({ slots: draft.slots.filter((_, j) => j !== i) })}>删除这个时段</Button> : null}
          </View>
        ))}
        {draft.slots.length < ACTIVITY_SLOTS_MAX ? <Button variant='secondary' block className='vol-slot-add' onClick={() => patch({ slots: [...draft.slots, { ...emptySlot(), day: draft.slots[draft.slots.length - 1]?.day ?? '' }] })}>添加时段</Button> : null}
      </Section>
      <View className='vol-actions'>
        <Button className='vol-publish-preview-button' onClick={showPreview}>预览</Button>
      </View>
    </Screen>
  )
}
