export default definePageConfig({ navigationBarTitleText: '诉求受理', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
