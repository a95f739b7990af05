export default definePageConfig({ navigationBarTitleText: '诉求公示', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
