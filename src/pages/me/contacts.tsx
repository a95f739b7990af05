// 我的 › 社区联系人: 居委会, 物业, 网格员 and the 楼长 of my building, each tap-to-call.
import { ContactList, useContacts } from '../../core/contacts'
import { Section } from '../../core/ui'

export function MeContacts() {
  const state = useContacts()
  return (
    <Section title='社区联系人' className='me-contacts'>
      <ContactList state={state} />
    </Section>
  )
}
