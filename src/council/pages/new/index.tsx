// Raise a proposal: title ≤ 30, reason and solution ≤ 1000, scope and kind of matter. The draft is
// kept as typed (draft-store); the idempotency key makes a double tap or a retry file it once.
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { MATTER_LABELS, raiseProposalInput, REASON_MAX, TITLE_MAX, type CouncilScopeChoice, type MatterKind } from '../../../../types/contract/council'
import { ApiError, messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Field, Loading, Screen, TextArea, TextInput, toast } from '../../../core/ui'
import { councilApi } from '../../api'
import { useProposalDraft } from '../../draft-store'
import { PhotoPicker } from '../../components/photo-picker'
import { upsertProposal } from '../../store'
import '../../council.scss'

const KINDS: MatterKind[] = ['resident', 'owner']

export default function RaiseProposalPage() {
  const ready = useRequireMember()
  const d = useProposalDraft()
  /** Editing a proposal of one's own (before the first support, or after a return) instead of raising. */
  const editing = useRouter().params.id ?? null
  const [scopes, setScopes] = useState<CouncilScopeChoice[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useEffect(() => { if (ready) councilApi.scopes().then(setScopes).catch((e) => toast(messageOf(e))) }, [ready])
  if (!ready) return <Screen><Loading /></Screen>

  const scopeIndex = scopes.findIndex((s) => JSON.stringify(s.scope) === JSON.stringify(d.scope))
  const submit = async () => {
    if (d.photos.some((p) => p.status !== 'uploaded')) {
      setErrors({ photos: '有照片还在上传或上传失败，请稍候或删除后再发起' })
      return
    }
    const photos = d.photos.map((p) => p.file?.id ?? '').filter(Boolean)
    const input = { title: d.title, reason: d.reason, solution: d.solution, photos, scope: d.scope as never, kind: d.kind, ownerClass: d.ownerClass }
    const checked = raiseProposalInput.safeParse(input)
    if (!checked.success) {
      const next: Record<string, string> = {}
      for (const issue of checked.error.issues) next[String(issue.path[0] ?? '_')] ??= issue.message
      if (!d.scope) next.scope = '请选择议题涉及的范围'
      setErrors(next)
      return
    }
    setBusy(true)
    try {
      const p = editing ? await councilApi.edit({ ...input, id: editing }) : await councilApi.raise(input, { idempotencyKey: d.key })
      useProposalDraft.getState().filed(d.key)
      upsertProposal(p)
      toast(editing ? '已保存修改' : '已发起，开始征集支持')
      void Taro.redirectTo({ url: `/council/pages/detail/index?id=${p.id}` })
    } catch (e) {
      // The draft stays as typed; the message says what to fix or to try again.
      setErrors(e instanceof ApiError && e.fields ? e.fields : { _: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Screen className='cl-new' padded>
      <Field label='议题标题' required error={errors.title}><TextInput value={d.title} onChange={(title) => d.edit({ title })} maxLength={TITLE_MAX} placeholder='例如：3栋楼道加装扶手' /></Field>
      <Field label='提议理由' required error={errors.reason}><TextArea value={d.reason} onChange={(reason) => d.edit({ reason })} maxLength={REASON_MAX} placeholder='遇到了什么问题，影响了谁' /></Field>
      <Field label='建议方案' required error={errors.solution}><TextArea value={d.solution} onChange={(solution) => d.edit({ solution })} maxLength={REASON_MAX} placeholder='希望怎么解决' /></Field>
      <Field label='照片' hint='最多 6 张，可拍下现场情况' error={errors.photos}><PhotoPicker /></Field>
      <Field label='涉及范围' required error={errors.scope} hint='只能为您居住的楼栋、小区或社区提议'>
        <Picker mode='selector' className='cl-scope-picker' range={scopes.map((s) => `${s.label}（${s.households} 户）`)} value={Math.max(0, scopeIndex)}
          onChange={(e) => d.edit({ scope: scopes[Number(e.detail.value)]?.scope ?? null })}>
          <View className='ll-input'><Text>{scopeIndex >= 0 ? scopes[scopeIndex].label : '请选择'}</Text></View>
        </Picker>
      </Field>
      <Field label='事项类型' required hint={d.kind === 'owner' ? '《民法典》第二百七十八条：仅业主表决，按面积和人数双过三分之二参与' : '一户一票，过半数户参与、过半数赞成'}>
        <Picker mode='selector' className='cl-kind-picker' range={KINDS.map((k) => MATTER_LABELS[k])} value={KINDS.indexOf(d.kind)} onChange={(e) => d.edit({ kind: KINDS[Number(e.detail.value)] })}>
          <View className='ll-input'><Text>{MATTER_LABELS[d.kind]}</Text></View>
        </Picker>
      </Field>
      {d.kind === 'owner' ? (
        <Field label='是否属于特别事项' hint='筹集/使用维修资金、改建重建、改变共有部分用途或经营，需四分之三同意'>
          <Picker mode='selector' range={['一般事项', '特别事项']} value={d.ownerClass === 'major' ? 1 : 0} onChange={(e) => d.edit({ ownerClass: Number(e.detail.value) === 1 ? 'major' : 'ordinary' })}>
            <View className='ll-input'><Text>{d.ownerClass === 'major' ? '特别事项' : '一般事项'}</Text></View>
          </Picker>
        </Field>
      ) : null}
      {errors._ ? <Text className='ll-field__error'>{errors._}</Text> : null}
      <Text className='cl-line cl-line--muted'>草稿会自动保存。发起后 30 天内需达到范围内 1/10 户（至少 3 户）支持。</Text>
      <Button block loading={busy} onClick={() => void submit()}>{editing ? '保存修改' : '发起议题'}</Button>
    </Screen>
  )
}
