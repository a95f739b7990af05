export default definePageConfig({ navigationBarTitleText: '代老人办事', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
