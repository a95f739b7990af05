// 社区联系人, shared by 我的, the contacts page and pages that send people to someone.
export { useContacts, type ContactsState } from './use-contacts'
export { ContactList } from './contact-list'
export { CallButton, callNumber } from './call-button'
export const CONTACTS_PAGE = '/account/pages/contacts/index'
