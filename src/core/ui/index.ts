// 邻里 UI kit: small components on @tarojs/components, classes prefixed `ll-` (BEM-like),
// styled by tokens in theme.scss (imported once by app.scss), 大字模式 via <Screen>.
//
//   <Screen title? padded?>          every page's root; adds ll-elder in 大字模式
//   <Button variant='primary|secondary|danger|plain' loading disabled block size='small' onClick openType>
//   <Field label required hint error> <TextInput value onChange maxLength placeholder /> </Field>
//   <TextArea value onChange maxLength />       shows n/max when maxLength is set
//   <CellGroup title> <Cell title label value arrow onClick /> </CellGroup>
//   <Tag tone='default|primary|success|warning|danger|info'>  <Badge count max dot />
//   <EmptyState icon message action={{ text, onClick }} />   <ErrorState message onRetry retrying />
//   <Loading text />  <Skeleton rows />  <Section title extra card>
//   <TextSizeChoice />             字号 标准 / 大字 (大字模式), the person's choice
//   toast(msg)  ·  await confirm({ title, content, confirmText, danger }) → boolean  ·  openPage(url)
export { Screen, type ScreenProps } from './screen'
export { Button, type ButtonProps, type ButtonVariant } from './button'
export { Field, TextInput, TextArea, charCount, type FieldProps, type TextInputProps } from './field'
export { Cell, CellGroup, type CellProps, type CellGroupProps } from './cell'
export { Tag, Badge, type Tone } from './tag'
export { EmptyState, ErrorState, Loading, Skeleton, canGoBack, goBackOrHome, HOME_URL, CONTACTS_URL, type EmptyStateProps, type ErrorStateProps } from './states'
export { Section, type SectionProps } from './section'
export { TextSizeChoice, type TextSizeChoiceProps } from './text-size'
export { toast, confirm, type ConfirmOptions } from './feedback'
export { cx } from './cx'
export { openPage } from './navigate'
