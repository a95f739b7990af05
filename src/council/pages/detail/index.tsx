// One proposal: stage and its timeline, support (还差 N 户支持), review reason, comments, meetings,
// the vote card, 公示 with figures and objections, execution progress and 群众评议.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { COUNCIL_SETTINGS, SATISFACTION_LABELS, type Proposal, type Satisfaction } from '../../../../types/contract/council'
import { useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, confirm, ErrorState, Field, Loading, openPage, Screen, Section, Skeleton, Tag, TextArea, toast } from '../../../core/ui'
import { councilApi } from '../../api'
import { MeetingStaff } from '../../components/meeting-staff'
import { Objections } from '../../components/objections'
import { PhotoStrip } from '../../components/photo-strip'
import { ProxyCard } from '../../components/proxy-card'
import { PhoneProxy } from '../../components/phone-proxy'
import { StaffPanel } from '../../components/staff-panel'
import { VoterRollCard } from '../../components/voter-roll'
import { VoteCard } from '../../components/vote-card'
import { hasContent, useProposalDraft } from '../../draft-store'
import { loadProposal, runAction, useCouncil } from '../../store'
import '../../council.scss'

function Support({ p }: { p: Proposal }) {
  const [busy, setBusy] = useState(false)
  const act = async (run: () => Promise<Proposal>, done: string) => {
    setBusy(true)
    const error = await runAction(run)
    setBusy(false)
    toast(error ?? done)
  }
  return (
    <Section title='征集支持' card>
      <Text className='cl-line'>已有 {p.supports} 户支持，门槛 {p.supportNeeded} 户（范围内户数的 1/10，至少 {COUNCIL_SETTINGS.supportMin} 户）</Text>
      <Text className='cl-support__missing'>还差 {p.supportMissing} 户支持 · {p.supportDeadline.slice(0, 10)} 截止</Text>
      {p.supportedByMe
        ? <Button variant='secondary' block loading={busy} onClick={() => void act(() => councilApi.unsupport(p.id), '已撤回支持')}>已支持 · 撤回支持</Button>
        : p.canSupport ? <Button block loading={busy} onClick={() => void act(() => councilApi.support(p.id), '已支持')}>支持这个议题</Button>
          : <Text className='cl-line cl-line--muted'>{p.supportProblem}</Text>}
      {p.canWithdraw ? <Button variant='plain' onClick={() => void (async () => {
        if (await confirm({ title: '确认撤回议题？', content: '撤回后不能恢复。', danger: true })) void act(() => councilApi.withdraw(p.id), '已撤回')
      })()}>撤回议题</Button> : null}
    </Section>
  )
}

/** The author edits in the raise form; a half-typed new proposal there is only replaced after asking. */
async function startEdit(p: Proposal) {
  const draft = useProposalDraft.getState()
  if (hasContent(draft) && !(await confirm({ title: '替换草稿？', content: '表单里还有未发起的草稿，修改本议题会替换它。', danger: true }))) return
  draft.edit({ title: p.title, reason: p.reason, solution: p.solution, scope: p.scope, kind: p.kind, ownerClass: p.ownerClass, photos: p.photos.map((f) => ({ id: f.id, localPath: '', sendPath: null, status: 'uploaded' as const, progress: 100, file: f, error: null })) })
  void openPage(`/council/pages/new/index?id=${p.id}`)
}

function Comments({ p }: { p: Proposal }) {
  const [body, setBody] = useState('')
  const [replyTo, setReplyTo] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const send = async () => {
    const problem = await runAction(() => councilApi.comment({ id: p.id, body, parentId: replyTo ?? undefined }))
    setError(problem)
    if (!problem) { setBody(''); setReplyTo(null) }
  }
  return (
    <Section title={`讨论（${p.commentCount}）`} card>
      {p.comments.map((c) => (
        <View key={c.id} className='cl-comment'>
          <Text className='cl-comment__author'>{c.author.name}{c.author.mark ? `（${c.author.mark}）` : ''}</Text>
          <Text className='cl-comment__body'>{c.body}</Text>
          {c.replies.map((r) => <Text key={r.id} className='cl-comment__reply'>{r.author.name}{r.author.mark ? `（${r.author.mark}）` : ''}：{r.body}</Text>)}
          <Button variant='plain' size='small' onClick={() => setReplyTo(c.id)}>回复</Button>
        </View>
      ))}
      <Field label={replyTo ? '回复评论' : '发表意见'} error={error}><TextArea value={body} onChange={setBody} maxLength={500} placeholder='理性讨论，文明发言' /></Field>
      <Button block onClick={() => void send()}>发送</Button>
    </Section>
  )
}

function Execution({ p }: { p: Proposal }) {
  const x = p.execution
  if (!x) return null
  return (
    <Section title='执行督办' card>
      <Text className='cl-line'>责任单位：{x.responsible} · 期限 {x.dueOn} · 进度 {x.percent}%{x.overdue ? ' · 逾期' : ''}</Text>
      {x.milestones.map((m) => <Text key={m.title} className='cl-line'>{m.done ? '✓' : '○'} {m.title}（{m.dueOn}）</Text>)}
      {x.updates.map((u) => <View key={u.at}><Text className='cl-line cl-line--muted'>{u.at.slice(0, 10)} {u.percent}%：{u.note}</Text><PhotoStrip photos={u.photos} /></View>)}
    </Section>
  )
}

function Evaluate({ p }: { p: Proposal }) {
  const ev = p.evaluation
  if (!ev || p.stage !== 'evaluating') return null
  const rate = async (rating: Satisfaction) => { toast((await runAction(() => councilApi.evaluate({ id: p.id, rating }))) ?? '感谢您的评议') }
  return (
    <Section title='群众评议' card>
      <Text className='cl-line'>满意 {ev.satisfied} · 基本满意 {ev.basic} · 不满意 {ev.unsatisfied}（共 {ev.households} 户）</Text>
      {ev.mine ? <Text className='cl-line'>您家的评价：{SATISFACTION_LABELS[ev.mine]}</Text> : null}
      <View className='cl-row ll-button-row'>
        {/* Three equal choices, none pre-emphasised; the household's own answer is the filled one. */}
        {(['satisfied', 'basic', 'unsatisfied'] as Satisfaction[]).map((s) => <Button key={s} variant={ev.mine === s ? 'primary' : 'secondary'} className={`cl-evaluate cl-evaluate--${s}`} onClick={() => void rate(s)}>{SATISFACTION_LABELS[s]}</Button>)}
      </View>
    </Section>
  )
}

export default function ProposalDetailPage() {
  const ready = useRequireMember()
  const id = useRouter().params.id ?? ''
  const p = useCouncil((s) => s.byId[id])
  const state = useCouncil((s) => s.detail[id])
  const staff = useSession((s) => s.user?.roles.includes('staff') ?? false)
  const leader = useSession((s) => s.user?.roles.includes('building_leader') ?? false)
  const elderly = useSession((s) => s.user?.isElderly ?? false)
  useEffect(() => { if (ready && id) void loadProposal(id) }, [ready, id])
  usePullDownRefresh(() => { void loadProposal(id).finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  if (!p) {
    return <Screen>{state?.phase === 'error' ? <ErrorState message={state.error ?? '加载失败'} code={state.code} onRetry={() => void loadProposal(id)} /> : <Skeleton rows={5} />}</Screen>
  }
  return (
    <Screen className='cl-detail'>
      {state?.phase === 'error' ? <Text className='cl-line cl-line--error'>{state.error}（显示的是上次加载的内容）</Text> : null}
      <Section card>
        <View className='cl-card__head'><Tag tone='primary'>{p.stageLabel}</Tag><Text className='cl-card__scope'>{p.scopeLabel} · {p.kindLabel}</Text></View>
        <Text className='cl-detail__title'>{p.title}</Text>
        <Text className='cl-line cl-line--muted'>发起人 {p.author.name} · {p.createdAt.slice(0, 10)}</Text>
        <Text className='cl-detail__label'>提议理由</Text><Text className='cl-detail__text'>{p.reason}</Text>
        <Text className='cl-detail__label'>建议方案</Text><Text className='cl-detail__text'>{p.solution}</Text>
        <PhotoStrip photos={p.photos} />
      </Section>
      {p.canEdit ? <Button variant='secondary' block onClick={() => void startEdit(p)}>{p.stage === 'returned' ? '按审查意见修改后重新提交' : '修改议题'}</Button> : null}
      {p.stage === 'gathering' ? <Support p={p} /> : null}
      {p.stage === 'reviewing' && p.reviewDueAt ? <Text className='cl-line'>社区将在 {p.reviewDueAt.slice(0, 10)} 前完成审查</Text> : null}
      {p.review ? <Section title='审查意见' card><Text className='cl-line'>{p.review.by}：{p.review.reason}</Text></Section> : null}
      {p.meetings.length ? (
        <Section title='会议' card>
          {p.meetings.map((m) => (
            <View key={m.id} className='cl-meeting'>
              <Text className='cl-line'>{m.kindLabel} · {m.startsAt.slice(0, 16).replace('T', ' ')} · {m.place}（{m.signedUp}/{m.capacity}）</Text>
              {m.myCode ? <Text className='cl-meeting__code'>签到码 {m.myCode}</Text>
                : <Button size='small' onClick={() => void runAction(() => councilApi.signUp(m.id)).then((e) => toast(e ?? '已报名'))}>报名</Button>}
              {m.minutes ? <Text className='cl-line'>纪要：{m.minutes}</Text> : null}
            </View>
          ))}
        </Section>
      ) : null}
      <VoteCard p={p} />
      <ProxyCard p={p} elderly={elderly} />
      {(staff || leader) && p.vote && p.vote.phase !== 'upcoming' ? <VoterRollCard id={p.id} votedUnits={p.vote.votedUnits} /> : null}
      {p.stage === 'publicity' && p.publicityEndsAt ? <Text className='cl-line'>结果公示至 {p.publicityEndsAt.slice(0, 10)}，如有异议请在公示期内提出</Text> : null}
      <Objections p={p} staff={staff} />
      <Execution p={p} />
      <Evaluate p={p} />
      {staff ? <StaffPanel p={p} /> : null}
      {staff && p.vote && (p.stage === 'scheduled' || p.stage === 'voting') ? <PhoneProxy p={p} /> : null}
      {staff ? <MeetingStaff p={p} /> : null}
      {p.stage !== 'archived' && p.stage !== 'rejected' ? <Comments p={p} /> : null}
      <Section title='全过程记录' card>
        {p.history.map((h, i) => <Text key={i} className='cl-line'>{h.at.slice(0, 10)} {h.action} · {h.actorName}{h.note ? `：${h.note}` : ''}</Text>)}
      </Section>
    </Screen>
  )
}
