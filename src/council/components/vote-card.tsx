// The vote: question, window, turnout against the quorum line (never the choices while open), the
// caller's own ballot (已投票 + receipt), and after close the result with every figure.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatArea, YES_NO_LABELS, type Proposal, type TallyResult, type YesNoChoice } from '../../../types/contract/council'
import { selectOutboxOf, useOutbox } from '../../core/outbox'
import { Button, confirm, Section, toast } from '../../core/ui'
import { ballotPath, BALLOT_KIND, castBallot, wireBallotReceipts } from '../store'

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ')

function ResultFigures({ r }: { r: TallyResult }) {
  const owner = r.kind === 'owner'
  return (
    <View className='cl-result'>
      <Text className={`cl-result__verdict${r.passed ? ' cl-result__verdict--pass' : ''}`}>{r.verdict}</Text>
      <Text className='cl-line'>参与{owner ? '业主' : '户数'}：{r.votedUnits} / {r.eligibleUnits}（法定 {r.quorumUnitsNeeded}）</Text>
      {owner ? <Text className='cl-line'>参与面积：{formatArea(r.votedArea)} / {formatArea(r.eligibleArea)}（法定 {formatArea(r.quorumAreaNeeded)}）</Text> : null}
      <Text className='cl-line'>赞成：{r.yesUnits}{owner ? ` 人 · ${formatArea(r.yesArea)}` : ' 户'}（需 {r.approvalUnitsNeeded}{owner ? ` 人 · ${formatArea(r.approvalAreaNeeded)}` : ' 户'}）</Text>
      {r.options.map((o) => <Text key={o.id} className='cl-line'>{o.label}：{o.units}{owner ? ` · ${formatArea(o.area)}` : ''}</Text>)}
      {r.breakdown.map((b) => <Text key={b.label} className='cl-line cl-line--muted'>{b.label}：{b.ballots} 票</Text>)}
    </View>
  )
}

export function VoteCard({ p }: { p: Proposal }) {
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<string[]>([])
  // Ballots of this proposal still in the outbox (cast offline, or the answer was lost).
  const waiting = useOutbox(useShallow((s) => selectOutboxOf(BALLOT_KIND)(s).filter((i) => (i.payload as { call?: { path?: string } }).call?.path === ballotPath(p.id))))
  useEffect(() => wireBallotReceipts(), [])
  const v = p.vote
  if (!v) return null
  const owner = p.kind === 'owner'
  const choices = v.question.type === 'yesno'
    ? (['yes', 'no', 'abstain'] as YesNoChoice[]).map((c) => ({ id: c, label: YES_NO_LABELS[c] }))
    : v.question.options
  const cast = async (ids: string[], label: string) => {
    if (!(await confirm({ title: `确认投「${label}」？`, content: '截止前可以更改，以最后一次为准。' }))) return
    setBusy(true)
    const outcome = await castBallot(p, ids, label)
    setBusy(false)
    if (outcome.status !== 'refused') setPicked([])
    toast(outcome.status === 'sent' ? '已投票' : outcome.status === 'queued' ? '已记下，联网后自动投出' : outcome.message)
  }
  const max = v.question.type === 'options' ? v.question.maxChoices : 1
  const toggle = (id: string) => setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : picked.length < max ? [...picked, id] : picked)
  return (
    <Section title='表决' card>
      <Text className='cl-vote__question'>{v.question.text}</Text>
      <Text className='cl-line'>{day(v.opensAt)} 至 {day(v.closesAt)} · {v.phase === 'open' ? '表决中' : v.phase === 'upcoming' ? '尚未开始' : '已截止'}</Text>
      {v.result ? <ResultFigures r={v.result} /> : (
        <View>
          <Text className='cl-line'>已投票 {v.votedUnits} / {v.eligibleUnits} {owner ? '位业主' : '户'}，达到法定人数需 {v.quorumUnitsNeeded}{owner ? `，面积需 ${formatArea(v.quorumAreaNeeded)}（已 ${formatArea(v.votedArea)}）` : ''}</Text>
          <Text className='cl-line cl-line--muted'>结果在截止后公布，表决期间任何人（包括工作人员）都看不到票数。</Text>
        </View>
      )}
      {v.myBallot ? (
        <Text className='cl-vote__mine'>已投票{v.myBallot.byProxy ? '（楼长代投）' : ''}：{v.myBallot.choices?.map((c) => choices.find((x) => x.id === c)?.label ?? c).join('、')} · 回执码 {v.myBallot.receipt}</Text>
      ) : null}
      {waiting.map((i) => (
        <Text key={i.key} className='cl-vote__waiting'>待发送：{i.label.replace(/^.*：/, '')}{i.failed ? `（未投出：${i.lastError ?? ''}）` : '（联网后自动投出）'}</Text>
      ))}
      {v.receipts && v.myBallot ? <Text className='cl-line'>{v.receipts.includes(v.myBallot.receipt) ? '您的回执码在计票名单中' : '未在计票名单中找到您的回执码'}</Text> : null}
      {v.phase === 'open' && v.canVote && max > 1 ? (
        <View className='cl-vote__buttons'>
          {choices.map((c) => <Button key={c.id} variant={picked.includes(c.id) ? 'primary' : 'secondary'} onClick={() => toggle(c.id)}>{picked.includes(c.id) ? '✓ ' : ''}{c.label}</Button>)}
          <Button block loading={busy} disabled={picked.length === 0} onClick={() => void cast(picked, picked.map((id) => choices.find((c) => c.id === id)?.label).join('、'))}>提交（已选 {picked.length}/{max}）</Button>
        </View>
      ) : v.phase === 'open' && v.canVote ? (
        <View className='cl-vote__buttons'>
          {choices.map((c) => <Button key={c.id} variant={c.id === 'no' ? 'danger' : c.id === 'abstain' ? 'secondary' : 'primary'} loading={busy} onClick={() => void cast([c.id], c.label)}>{c.label}</Button>)}
        </View>
      ) : v.cannotVoteReason && v.phase !== 'closed' ? <Text className='cl-vote__refused'>{v.cannotVoteReason}</Text> : null}
    </Section>
  )
}
