// Staff actions on one request: 受理 / 不予受理 / 标记重复 / 派单 / 处理进展 / 办结. The buttons offered
// follow the status; the mock decides, and any refusal (422/403/400) is shown here as it came.
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ServiceRequest } from '../../../types/contract/requests-model'
import { isApiError, messageOf } from '../../core/api'
import { Button, confirm, cx, Field, Section, TextArea, TextInput, toast } from '../../core/ui'
import { useDepartments } from '../catalog'
import { requestActions } from '../store'
import { PhotoGrid } from './photo-grid'
import { usePhotoUploads } from './use-photo-uploads'

export const STAFF_ONLY = '诉求受理仅对社区工作人员开放'

type Action = 'accept' | 'decline' | 'duplicate' | 'dispatch' | 'note' | 'close'
const LABEL: Record<Action, string> = { accept: '受理（立案）', decline: '不予受理', duplicate: '标记重复', dispatch: '派单', note: '添加处理进展', close: '办结' }
const DONE: Record<Action, string> = { accept: '已受理', decline: '已不予受理', duplicate: '已标记为重复', dispatch: '已派单', note: '已添加进展', close: '已办结' }
const OFFERED: Record<ServiceRequest['status'], Action[]> = {
  submitted: ['accept', 'decline', 'duplicate'],
  accepted: ['dispatch', 'note', 'close', 'decline', 'duplicate'],
  dispatched: ['note', 'close'],
  in_progress: ['note', 'close'],
  closed: [], declined: [], duplicate: []
}

export function StaffActions({ request }: { request: ServiceRequest }) {
  const [action, setAction] = useState<Action | null>(null)
  const [text, setText] = useState('')
  const [departmentIndex, setDepartmentIndex] = useState<number | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const departments = useDepartments()
  const photos = usePhotoUploads('request_note_photo')
  const offered = OFFERED[request.status]

  const open = (a: Action) => {
    setAction(a)
    setText('')
    setErrors({})
    setRefusal(null)
    photos.reset()
    if (a === 'dispatch' && departmentIndex === null && departments.data) {
      const suggested = departments.data.findIndex((d) => d.name && request.department?.id === d.id)
      setDepartmentIndex(suggested >= 0 ? suggested : null)
    }
  }

  const run = async () => {
    if (!action) return
    const { ids, problem } = photos.ids()
    if (problem && (action === 'note' || action === 'close')) { toast(problem); return }
    if ((action === 'decline' || action === 'close') && !(await confirm({ title: `确定${LABEL[action]}？`, content: '这一步完成后不能撤回', confirmText: '确定', danger: action === 'decline' }))) return
    const id = request.id
    const department = departmentIndex === null ? undefined : departments.data?.[departmentIndex]
    setBusy(true)
    setErrors({})
    setRefusal(null)
    try {
      const note = text.trim() ? { note: text } : {}
      const send: Record<Action, () => Promise<unknown>> = {
        accept: () => requestActions.accept({ id, ...note }),
        decline: () => requestActions.decline({ id, reason: text }),
        duplicate: () => requestActions.duplicate({ id, duplicateOf: text.trim() }),
        dispatch: () => requestActions.dispatch({ id, departmentId: department?.id ?? '', ...note }),
        note: () => requestActions.note({ id, note: text, photos: ids }),
        close: () => requestActions.close({ id, result: text, photos: ids })
      }
      await send[action]()
      toast(DONE[action], 'success')
      setAction(null)
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields)
      setRefusal(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  if (!offered.length) return <Text className='rq-list__foot'>该诉求{request.status === 'declined' ? '不予受理' : `已${request.statusLabel.replace(/^已/, '')}`}，无需操作</Text>
  const textField = action === 'decline' ? { key: 'reason', label: '不予受理的理由', required: true, placeholder: '例：属于业主私人物品，建议联系物业有偿维修' }
    : action === 'duplicate' ? { key: 'duplicateOf', label: '原诉求的立案编号', required: true, placeholder: '例：LL20261129-0003' }
      : action === 'note' ? { key: 'note', label: '处理进展', required: true, placeholder: '例：维修师傅已到场，更换灯泡中' }
        : action === 'close' ? { key: 'result', label: '办理结果', required: true, placeholder: '例：已更换路灯灯泡，恢复照明' }
          : { key: 'note', label: '备注（选填）', required: false, placeholder: '' }
  return (
    <Section title='处理' card className='rq-staff-actions'>
      <View className='rq-chips'>
        {offered.map((a) => (
          <View key={a} className={cx('rq-chip', `rq-action-${a}`, action === a && 'rq-chip--on')} onClick={() => open(a)}><Text>{LABEL[a]}</Text></View>
        ))}
      </View>
      {action ? (
        <View className='rq-action-form'>
          {action === 'dispatch' ? (
            <Field label='派往部门' required error={errors.departmentId ?? departments.error}>
              <Picker mode='selector' range={(departments.data ?? []).map((d) => d.name)} value={departmentIndex ?? 0} className='rq-department'
                onChange={(e) => setDepartmentIndex(Number(e.detail.value))}>
                <View className='ll-picker'>
                  <Text className={cx('ll-picker__value', departmentIndex === null && 'll-picker__value--empty')}>
                    {departmentIndex === null ? '请选择部门' : departments.data?.[departmentIndex]?.name}
                  </Text>
                  <Text className='ll-picker__arrow'>›</Text>
                </View>
              </Picker>
            </Field>
          ) : null}
          <Field label={textField.label} required={textField.required} error={errors[textField.key]}>
            {action === 'duplicate'
              ? <TextInput value={text} onChange={setText} placeholder={textField.placeholder} />
              : <TextArea value={text} onChange={setText} maxLength={500} placeholder={textField.placeholder} />}
          </Field>
          {action === 'note' || action === 'close' ? (
            <PhotoGrid photos={photos.photos} onAdd={() => void photos.add().then((m) => { if (m) toast(m) })} onRemove={photos.remove} onRetry={photos.retry} />
          ) : null}
          {refusal ? <View className='rq-refusal'><Text>{refusal}</Text></View> : null}
          <Button block className='rq-action-submit' variant={action === 'decline' ? 'danger' : 'primary'} loading={busy} onClick={() => void run()}>
            确认{LABEL[action]}
          </Button>
          <Button block variant='plain' onClick={() => setAction(null)}>取消</Button>
        </View>
      ) : null}
    </Section>
  )
}
