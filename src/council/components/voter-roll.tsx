// Staff (all buildings) and 楼长 (their buildings): households that have not voted yet, to remind
// them. Never what anyone chose.
import { Text } from '@tarojs/components'
import { useEffect } from 'react'
import { Section } from '../../core/ui'
import { loadVoterRoll, useCouncil } from '../store'

export function VoterRollCard({ id, votedUnits }: { id: string; votedUnits: number }) {
  const roll = useCouncil((s) => s.rolls[id])
  useEffect(() => { void loadVoterRoll(id) }, [id, votedUnits])
  if (!roll) return null
  if (typeof roll === 'string') return <Section title='投票情况' card><Text className='cl-line cl-line--error'>{roll}</Text></Section>
  if (roll.voted.length + roll.notVoted.length === 0) return null
  return (
    <Section title={`未投票 ${roll.notVoted.length} 户（已投 ${roll.voted.length} 户）`} card className='cl-roll'>
      {roll.notVoted.length === 0 ? <Text className='cl-line'>全部已投票</Text>
        : roll.notVoted.map((h) => <Text key={h.label} className='cl-line cl-roll__pending'>{h.label}</Text>)}
      <Text className='cl-line cl-line--muted'>只显示是否已投票，不显示投票内容。</Text>
    </Section>
  )
}
