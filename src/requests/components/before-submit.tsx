// Shown after 提交 when something may already answer the problem: open requests of the same kind
// nearby (我也遇到了 follows one instead of filing again) and 秒回 ready answers; 仍要提交 files anyway.
import { Text, View } from '@tarojs/components'
import dayjs from '../dayjs'
import type { QuickAnswer, SimilarRequest } from '../../../types/contract/requests-model'
import { Button, Section, Tag } from '../../core/ui'

export function BeforeSubmit({ similar, quickAnswers, followingId, submitting, onFollow, onSubmitAnyway, onBack }: {
  similar: SimilarRequest[]
  quickAnswers: QuickAnswer[]
  followingId: string | null
  submitting: boolean
  onFollow: (id: string) => void
  onSubmitAnyway: () => void
  onBack: () => void
}) {
  return (
    <View className='rq-before'>
      {quickAnswers.length ? (
        <Section title='秒回：也许这能解答您的问题' card>
          {quickAnswers.map((q) => (
            <View key={q.id} className='rq-quick'>
              <Text className='rq-quick__title'>{q.title}</Text>
              <Text className='rq-quick__answer'>{q.answer}</Text>
            </View>
          ))}
        </Section>
      ) : null}
      {similar.length ? (
        <Section title='附近已有相同的问题' card>
          {similar.map((r) => (
            <View key={r.id} className='rq-similar'>
              <View className='rq-similar__head'>
                <Text className='rq-similar__title'>{r.categoryName} · {r.placeName}</Text>
                <Tag tone='info'>{r.statusLabel}</Tag>
              </View>
              <Text className='rq-similar__desc'>{r.description}</Text>
              <Text className='rq-similar__meta'>
                {dayjs(r.createdAt).fromNow()}提交{r.distanceMeters !== null ? ` · 距您约 ${r.distanceMeters} 米` : ''} · {r.followerCount} 人也遇到了
              </Text>
              {r.mine || r.following ? <Text className='rq-similar__meta'>{r.mine ? '这是您提交的诉求' : '您已关注这条诉求'}</Text> : (
                <Button size='small' variant='secondary' className='rq-follow' loading={followingId === r.id} onClick={() => onFollow(r.id)}>
                  我也遇到了
                </Button>
              )}
            </View>
          ))}
        </Section>
      ) : null}
      <Button block className='rq-submit-anyway' loading={submitting} onClick={onSubmitAnyway}>仍要提交</Button>
      <Button block variant='plain' onClick={onBack}>返回修改</Button>
    </View>
  )
}
