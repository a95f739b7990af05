// 公示 objections (异议): residents in scope raise one during 公示; staff answer each.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Proposal } from '../../../types/contract/council'
import { Button, Field, Section, TextArea, toast } from '../../core/ui'
import { councilApi } from '../api'
import { runAction } from '../store'

export function Objections({ p, staff }: { p: Proposal; staff: boolean }) {
  const [body, setBody] = useState('')
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  if (p.stage !== 'publicity' && p.objections.length === 0) return null
  const raise = async () => {
    const problem = await runAction(() => councilApi.objection({ id: p.id, body }))
    setError(problem)
    if (!problem) { setBody(''); toast('异议已提交，社区将答复') }
  }
  const answer = async (objectionId: string) => {
    const problem = await runAction(() => councilApi.answerObjection({ id: p.id, objectionId, answer: answers[objectionId] ?? '' }))
    toast(problem ?? '已答复')
  }
  return (
    <Section title={`异议（${p.objections.length}）`} card className='cl-objections'>
      {p.objections.map((o) => (
        <View key={o.id} className='cl-comment'>
          <Text className='cl-comment__body'>{o.body}{o.mine ? '（我提出的）' : ''}</Text>
          {o.answer ? <Text className='cl-comment__reply'>社区答复：{o.answer}</Text>
            : staff ? (
              <View>
                <TextArea value={answers[o.id] ?? ''} onChange={(v) => setAnswers({ ...answers, [o.id]: v })} maxLength={500} placeholder='答复内容' />
                <Button size='small' onClick={() => void answer(o.id)}>答复</Button>
              </View>
            ) : <Text className='cl-line cl-line--muted'>待社区答复</Text>}
        </View>
      ))}
      {p.stage === 'publicity' && !staff ? (
        <View>
          <Field label='对结果有异议' error={error}><TextArea value={body} onChange={setBody} maxLength={500} placeholder='请写明理由，公示期内社区会逐条答复' /></Field>
          <Button variant='secondary' block onClick={() => void raise()}>提出异议</Button>
        </View>
      ) : null}
    </Section>
  )
}
