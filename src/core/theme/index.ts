export { useTheme, useElderMode, selectElderMode, selectTextSize, readSystemLarge, migrateTheme, LARGE_FONT_SETTING, type TextSize } from './store'
