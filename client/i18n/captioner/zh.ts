import type { CaptionerCatalog } from './en.ts';

const zh: CaptionerCatalog = {
  heading: '录入字幕',
  goTo: '字幕归属于{name}',
  namedByYou: '（您指定的发言人）',
  hasFloor: '（正在发言）',
  nobodyHasFloor: '目前无人发言：字幕归属于{nobody}。',
  noNamedSpeaker: '未具名发言人',
  caption: '字幕',
  hint: { other: '读者会实时看到您录入的文字。按 Enter 键结束当前行。超过{count}个字符的行会自动结束。' },
  noAnswer: '服务器尚未响应。',
  keepTyping: '请继续录入：您录入的各行已保存，将按顺序发送。',
  linesWait: { other: '请继续录入：{count}行正在等待，将按顺序发送。' },
  whoIsSpeaking: '谁在发言',
  speaker: '发言人',
  whoeverHasFloor: '当前获得发言权的人',
  whoeverHasFloorNamed: '当前获得发言权的人（{name}）',
  participants: '与会者',
  personWithRole: '{name}（{role}）',
  typeName: '输入姓名…',
  name: '姓名',
  setSpeaker: '设置发言人',
  speakerHint: '您设置的发言人将一直保持，直到发言权变更。设置发言人会结束正在录入的行。',
  nameMissing: '请输入发言者的姓名。',
  forwarding: {
    label: '字幕转发目标',
    kinds: {
      zoom: 'Zoom',
      youtube: 'YouTube',
      generic: '其他目标',
    },
    sending: '{kind}：已发送 {sent} · {waiting}',
    failing: '{kind}：{problem} · {waiting}',
    waiting: { other: '{count} 行等待' },
    notStarted: 'Zoom 会议尚未开始',
    refused: '地址被拒绝（需秘书处粘贴新地址）',
    timeout: '未及时响应',
    unreachable: '无法连接',
    failed: '被拒绝（HTTP {status}）',
  },
};

export default zh;
