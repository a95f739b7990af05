export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/council/index',
    'pages/me/index'
  ],
  // Every feature is a subpackage: folder = feature = download unit (see README, architecture).
  subPackages: [
    { root: 'account', pages: ['pages/welcome/index', 'pages/bind/index', 'pages/privacy/index'] }
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8'
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#c2410c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/services/index', text: '办事' },
      { pagePath: 'pages/council/index', text: '议事' },
      { pagePath: 'pages/me/index', text: '我的' }
    ]
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于定位您要反映问题的位置，并匹配最近的楼栋' }
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents'
})
