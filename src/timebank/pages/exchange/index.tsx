// One exchange: its parties and state, and the step that is the caller's: 申请积分 (provider),
// 确认支付 / 有异议 / 取消 (receiver). Every payment is confirmed first.
import { Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { formatPoints, parsePoints, TB_EXCHANGE_STATUS_LABELS, TB_REASON_MAX, type TbExchange } from '../../../../types/contract/timebank'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, confirm, Field, Loading, Screen, Section, TextInput, toast } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { useDraft } from '../../draft-store'
import { useParam } from '../../route'
import { load, refreshBalance, useSlot } from '../../store'
import '../../timebank.scss'

export default function ExchangePage() {
  const ready = useRequireMember()
  const id = useParam('id')
  const key = `exchange:${id}`
  const slot = useSlot<TbExchange>(key)
  const d = useDraft(`exchange:${id}`)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const reload = () => load(key, () => timebankApi.exchange(id))
  useEffect(() => { if (ready && id) void reload() }, [ready, id]) // eslint-disable-line react-hooks/exhaustive-deps
  if (!ready) return <Screen><Loading /></Screen>

  const run = async (step: () => Promise<TbExchange>, done: string) => {
    setBusy(true)
    setError(null)
    try {
      await step()
      d.clear()
      toast(done, 'success')
      void refreshBalance()
      await reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const claim = async (x: TbExchange) => {
    const p = parsePoints(d.value('claim'), x.escrow)
    if ('error' in p) return setError(p.error)
    if (!(await confirm({ title: '申请积分', content: `向 ${x.receiverName} 申请 ${formatPoints(p.units)} 积分？`, confirmText: '申请' }))) return
    await run(() => timebankApi.claim(x.id, p.units), '已申请，等待对方确认')
  }
  const accept = async (x: TbExchange) => {
    if (!(await confirm({ title: '确认支付', content: `向 ${x.providerName ?? ''} 支付 ${formatPoints(x.claimed ?? 0)} 积分，预付中多余的 ${formatPoints(x.escrow - (x.claimed ?? 0))} 分退回给您。`, confirmText: '支付' }))) return
    await run(() => timebankApi.accept(x.id), '已支付')
  }
  const dispute = async (x: TbExchange) => {
    const reason = d.value('reason').trim()
    if (reason.length < 2) return setError('请写明异议原因（至少 2 个字）')
    await run(() => timebankApi.dispute(x.id, reason), '已告知对方')
  }
  const cancel = async (x: TbExchange) => {
    if (!(await confirm({ title: '取消服务', content: `取消后预付的 ${formatPoints(x.escrow)} 积分立即退回。`, confirmText: '取消服务', cancelText: '再想想', danger: true }))) return
    await run(() => timebankApi.cancelExchange(x.id), '已取消，积分已退回')
  }

  return (
    <Screen className='tb-exchange'>
      <SlotView slot={slot} retry={() => void reload()} empty={{ message: '' }} isEmpty={() => false}>
        {(x) => (
          <Section title={x.title} card>
            <CellGroup>
              <Cell title='状态' value={<Text className='tb-exchange-status'>{TB_EXCHANGE_STATUS_LABELS[x.status]}{x.autoAccepted ? '（自动确认）' : ''}</Text>} />
              <Cell title='服务提供' value={x.providerName ?? '等待邻居接单'} />
              <Cell title='服务接受' value={x.receiverName} />
              <Cell title='预付积分' value={`${formatPoints(x.escrow)} 分`} />
              {x.claimed !== null ? <Cell title='申请积分' value={`${formatPoints(x.claimed)} 分`} /> : null}
              {x.autoAcceptAt ? <Cell title='自动确认时间' value={x.autoAcceptAt.slice(0, 16).replace('T', ' ')} /> : null}
            </CellGroup>
            {x.description ? <Text className='tb-note'>{x.description}</Text> : null}
            {error ? <Text className='tb-banner tb-exchange-error'>{error}</Text> : null}
            {x.role === 'provider' && x.status === 'agreed' ? (
              <>
                <Field label='申请积分' hint={`服务完成后申请，最多 ${formatPoints(x.escrow)} 分`}>
                  <TextInput className='tb-claim-points' type='digit' value={d.value('claim')} onChange={(v) => d.set('claim', v)} placeholder={formatPoints(x.escrow)} />
                </Field>
                <Button block className='tb-claim' loading={busy} onClick={() => void claim(x)}>申请积分</Button>
              </>
            ) : null}
            {x.role === 'receiver' && x.status === 'claimed' ? (
              <>
                <Button block className='tb-accept' loading={busy} onClick={() => void accept(x)}>确认支付 {formatPoints(x.claimed ?? 0)} 分</Button>
                <Field label='有异议？' hint='写明原因，对方可重新申请'>
                  <TextInput className='tb-dispute-reason' value={d.value('reason')} maxLength={TB_REASON_MAX} onChange={(v) => d.set('reason', v)} />
                </Field>
                <Button block variant='secondary' className='tb-dispute' loading={busy} onClick={() => void dispute(x)}>提出异议</Button>
              </>
            ) : null}
            {x.role === 'receiver' && (x.status === 'open' || x.status === 'agreed') ? (
              <Button block variant='danger' className='tb-cancel-exchange' loading={busy} onClick={() => void cancel(x)}>取消并退回积分</Button>
            ) : null}
          </Section>
        )}
      </SlotView>
    </Screen>
  )
}
