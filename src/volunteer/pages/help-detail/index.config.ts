export default definePageConfig({ navigationBarTitleText: '互助详情', enablePullDownRefresh: true })
