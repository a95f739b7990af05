import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { NAME_MAX, type CommunityStructure } from '../../../../types/contract/identity'
import { isApiError, messageOf } from '../../../core/api'
import { useSession } from '../../../core/session/store'
import { WELCOME_URL } from '../../../core/session/use-require-member'
import { CONTACTS_PAGE } from '../../../core/contacts'
import { Button, ErrorState, Field, openPage, Screen, Skeleton, TextInput, toast } from '../../../core/ui'
import { fetchCommunityStructure } from '../../api'
import { choiceFromDraft, clearBindDraft, readBindDraft, saveBindDraft } from '../../bind-draft'
import { EMPTY_CHOICE, HousePicker, levelsOf, type HouseChoice } from '../../components/house-picker'
import './index.scss'

interface Errors { roomId?: string; name?: string; form?: string }

export default function BindPage() {
  const signedIn = useSession((s) => !!s.token)
  const bindHouse = useSession((s) => s.bindHouse)
  const [structure, setStructure] = useState<CommunityStructure | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [choice, setChoice] = useState<HouseChoice>(EMPTY_CHOICE)
  const [name, setName] = useState(() => readBindDraft()?.name ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const [submitting, setSubmitting] = useState(false)

  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!signedIn) {
      Taro.reLaunch({ url: WELCOME_URL }).catch(() => undefined)
      return
    }
    let live = true
    fetchCommunityStructure().then(
      (s) => {
        if (!live) return
        setStructure(s)
        setChoice((c) => (c === EMPTY_CHOICE ? choiceFromDraft(s, readBindDraft()) : c))
      },
      (e) => { if (live) setLoadError(messageOf(e)) }
    )
    return () => { live = false }
  }, [signedIn, attempt])

  // Every choice and keystroke is kept for this session, so a refresh restores the form.
  useEffect(() => { if (structure) saveBindDraft(structure, choice, name) }, [structure, choice, name])

  const onSubmit = async () => {
    if (!structure) return
    const { room } = levelsOf(structure, choice)
    setSubmitting(true)
    setErrors({})
    try {
      await bindHouse(room?.id ?? '', name)
      clearBindDraft()
      toast('绑定成功', 'success')
      await Taro.reLaunch({ url: '/pages/home/index' }).catch(() => undefined)
    } catch (e) {
      if (isApiError(e) && e.isNetwork) {
        toast(e.message)
      } else if (isApiError(e) && e.fields && (e.fields.name || e.fields.roomId)) {
        setErrors({ name: e.fields.name, roomId: e.fields.roomId })
      } else {
        setErrors({ form: messageOf(e) })
      }
    } finally {
      setSubmitting(false)
    }
  }

  if (loadError) {
    return <Screen className='bind'><ErrorState message={loadError} onRetry={() => { setLoadError(null); setAttempt((n) => n + 1) }} /></Screen>
  }
  if (!structure) {
    return <Screen className='bind'><Skeleton rows={4} /></Screen>
  }
  return (
    <Screen className='bind'>
      <View className='bind-intro'>
        <Text className='bind-intro__title'>绑定您家的房屋</Text>
        <Text className='bind-intro__text'>{structure.communityName}会核对您填写的房号和姓名是否与住户登记一致。</Text>
      </View>

      <HousePicker structure={structure} choice={choice} roomError={errors.roomId}
        onChange={(next) => { setChoice(next); setErrors((x) => ({ ...x, roomId: undefined, form: undefined })) }} />

      <Field label='姓名' required hint='填写在社区登记的住户本人姓名' error={errors.name}>
        <TextInput className='bind-name' value={name} maxLength={NAME_MAX} placeholder='请输入姓名'
          onChange={(v) => { setName(v); if (errors.name) setErrors((x) => ({ ...x, name: undefined })) }} />
      </Field>

      {errors.form ? <Text className='bind-form-error'>{errors.form}</Text> : null}

      <Button block className='bind-submit' loading={submitting} onClick={onSubmit}>确认绑定</Button>
      <Text className='bind-help'>信息不一致？请联系社区工作人员登记后再绑定。</Text>
      <Button variant='secondary' block className='bind-contacts' onClick={() => void openPage(CONTACTS_PAGE)}>查看社区联系电话</Button>
    </Screen>
  )
}
