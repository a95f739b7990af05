// Staff actions on a proposal (shown only to staff; the mock checks the role on every call):
// review with a written reason, schedule the vote with the legal notice, close, post progress.
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { COUNCIL_SETTINGS, type Proposal, type ProposalSummary } from '../../../types/contract/council'
import { Button, confirm, Field, Section, TextArea, TextInput, toast } from '../../core/ui'
import { councilApi } from '../api'
import { loadProposals, runAction, useCouncil } from '../store'

/** Stages a proposal can still be merged into (it has not ended). */
const MERGEABLE = ['gathering', 'reviewing', 'deliberating', 'voting']
const NONE: ProposalSummary[] = []

const DAY = 86_400_000

export function StaffPanel({ p }: { p: Proposal }) {
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [percent, setPercent] = useState('')
  const [options, setOptions] = useState('')
  const [maxChoices, setMaxChoices] = useState(1)
  const [mergeInto, setMergeInto] = useState<string | null>(null)
  const candidates = useCouncil((s) => s.lists.active?.items ?? NONE).filter((x) => x.id !== p.id && MERGEABLE.includes(x.stage))
  useEffect(() => { if (p.stage === 'reviewing' && !useCouncil.getState().lists.active) void loadProposals('active') }, [p.stage])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<Proposal>, done: string) => {
    setBusy(true)
    const problem = await runAction(action)
    setBusy(false)
    setError(problem)
    if (!problem) toast(done)
  }
  const review = async (outcome: 'agenda' | 'return' | 'merge' | 'reject', label: string) => {
    if (outcome === 'merge' && !mergeInto) { setError('请选择要合并到的议题'); return }
    if (outcome !== 'agenda' && !(await confirm({ title: `确认${label}？`, content: '理由将向所有居民公开。', danger: outcome !== 'merge' }))) return
    void run(() => councilApi.review({ id: p.id, outcome, reason, ...(outcome === 'merge' && mergeInto ? { mergeInto } : {}) }), `已${label}`)
  }
  const mergeTarget = candidates.find((c) => c.id === mergeInto)
  const schedule = (asOptions = false) => {
    const now = Date.now()
    const labels = options.split('\n').map((l) => l.trim()).filter(Boolean)
    const notice = p.kind === 'owner' ? COUNCIL_SETTINGS.noticeDaysOwner : COUNCIL_SETTINGS.noticeDaysResident
    // Opens the morning after the notice period, stays open 7 days.
    const opens = new Date(Math.ceil((now + notice * DAY) / DAY) * DAY + DAY)
    const closes = new Date(opens.getTime() + 7 * DAY)
    const question = asOptions
      ? { type: 'options' as const, text: p.title, options: labels.map((label, i) => ({ id: `o${i + 1}`, label })), maxChoices: Math.min(maxChoices, Math.max(1, labels.length)) }
      : { type: 'yesno' as const, text: `是否同意：${p.title}` }
    void run(() => councilApi.schedule({ id: p.id, question, opensAt: opens.toISOString(), closesAt: closes.toISOString() }), '已安排表决')
  }
  return (
    <Section title='工作台' card className='cl-staff'>
      {p.stage === 'reviewing' ? (
        <View>
          <Field label='审查理由' required error={error}><TextArea value={reason} onChange={setReason} maxLength={300} placeholder='向居民说明理由（必填）' /></Field>
          <View className='cl-row ll-button-row'>
            <Button loading={busy} onClick={() => void review('agenda', '列入议程')}>列入议程</Button>
            <Button variant='secondary' loading={busy} onClick={() => void review('return', '退回修改')}>退回修改</Button>
            <Button variant='danger' loading={busy} onClick={() => void review('reject', '不予立项')}>不予立项</Button>
          </View>
          <Field label='或：与相同的议题合并' hint='两个议题说的是同一件事时，合并后支持和讨论都到那一个议题里'>
            {candidates.length ? (
              <Picker mode='selector' range={candidates.map((c) => c.title)} onChange={(e) => setMergeInto(candidates[Number(e.detail.value)]?.id ?? null)}>
                <Text className='cl-merge__pick'>{mergeTarget ? `合并到：${mergeTarget.title}` : '点此选择要合并到的议题'}</Text>
              </Picker>
            ) : <Text className='cl-line cl-line--muted'>没有可以合并到的进行中议题</Text>}
          </Field>
          {candidates.length ? <Button block variant='secondary' loading={busy} className='cl-merge__submit' onClick={() => void review('merge', '合并')}>合并到所选议题</Button> : null}
        </View>
      ) : null}
      {p.stage === 'deliberating' ? (
        <View>
          <Button block loading={busy} onClick={() => schedule()}>安排表决（提前 {p.kind === 'owner' ? 15 : 7} 天公告）</Button>
          {p.kind === 'resident' ? (
            <View>
              <Field label='或：多个方案中选' hint='每行一个方案，2–10 个' error={error}><TextArea value={options} onChange={setOptions} maxLength={300} /></Field>
              <Field label='每户最多可选' hint='选 1 就是“多选一”'>
                <View className='cl-row cl-stepper'>
                  <Button size='small' variant='secondary' className='cl-stepper__minus' disabled={maxChoices <= 1} onClick={() => setMaxChoices(Math.max(1, maxChoices - 1))}>减</Button>
                  <Text className='cl-stepper__value'>{maxChoices} 项</Text>
                  <Button size='small' variant='secondary' className='cl-stepper__plus' disabled={maxChoices >= 10} onClick={() => setMaxChoices(Math.min(10, maxChoices + 1))}>加</Button>
                </View>
              </Field>
              <Button block variant='secondary' loading={busy} onClick={() => schedule(true)}>按方案安排表决</Button>
            </View>
          ) : null}
        </View>
      ) : null}
      {p.stage === 'voting' ? <Button block variant='secondary' loading={busy} onClick={() => void run(() => councilApi.close(p.id), '已公布结果')}>结束表决并公示（截止后可用）</Button> : null}
      {p.stage === 'executing' ? (
        <View>
          <Field label='进度（%）' required><TextInput type='number' value={percent} onChange={setPercent} placeholder='0–100' /></Field>
          <Field label='进展说明' required error={error}><TextArea value={note} onChange={setNote} maxLength={500} /></Field>
          <Button block loading={busy} onClick={() => void run(async () => {
            const now = Date.now()
            if (!p.execution) await councilApi.plan({ id: p.id, responsible: '社区居委会', dueOn: new Date(now + 30 * DAY).toISOString().slice(0, 10), milestones: [{ title: '完成实施', dueOn: new Date(now + 30 * DAY).toISOString().slice(0, 10) }] })
            return councilApi.progress({ id: p.id, percent: Number(percent), note })
          }, '已更新进展')}>发布进展</Button>
        </View>
      ) : null}
      {error && p.stage !== 'reviewing' && p.stage !== 'executing' ? <Field label='提示' error={error}><View /></Field> : null}
    </Section>
  )
}
