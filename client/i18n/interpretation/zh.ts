/** Interpretation's words in zh (./en.ts is the source). */
import type { InterpretationCatalog } from './en.ts';

const zh: InterpretationCatalog = {
  heading: '口译',
  channel: '您口译为{language}。',
  noChannel: '您尚未分配语言频道：请联系秘书处。',
  floor: '发言',
  floorLanguage: '发言语言：{language}',
  nobody: '目前无人发言。',
  askSlower: '请讲慢一点',
  askSlowerHint: '主席只看到您频道的语言，看不到您的姓名。',
  sent: {
    other: '已发送给主席。{count} 秒后可再次请求。',
  },
  queue: '下一位发言者',
  captions: '字幕频道',
  openStatement: '打开准备好的发言稿：{file}',
  signalTitle: '请放慢语速：{language}频道',
  signalBody: '一位口译员请发言者放慢语速。',
  signalFrom: '由 {name} 发送；只有您能看到发送者。',
  passOn: '请发言者放慢语速',
  passed: '已请发言者放慢语速。',
  dismiss: '关闭',
  speakerNotice: '口译员请您讲慢一点。',
  channelField: '语言频道',
  channelHint: '该口译员口译的目标语言。',
  attach: '附上准备好的发言稿或幻灯片（PDF 或文本，最大 5 MB）',
  attached: '已附上：{file}。您发言时，口译员和字幕员可以看到。',
  attachFailed: '文件未能附上：{reason}',
  speakIn: '我将使用的语言',
  meetingLanguage: '会议语言（{language}）',
};

export default zh;
