export { useTheme, useElderMode, selectElderMode, readSystemLarge, LARGE_FONT_SETTING, type ElderPreference } from './store'
