/** Chinese (simplified): the names of roles, places of taking part, stakeholder groups and regions (labels.ts). */
import type { PeopleLabels } from './labels.ts';

export const zh: PeopleLabels = {
  roles: {
    chair: '主席',
    'co-chair': '联合主席',
    secretariat: '秘书处',
    member: '成员',
    observer: '观察员',
    captioner: '字幕员',
    interpreter: '口译员',
  },
  locations: { room: '现场', remote: '远程', phone: '电话接入', unknown: '未说明' },
  stakeholderGroups: {
    government: '政府',
    'private-sector': '私营部门',
    'civil-society': '民间社会',
    'technical-community': '技术界',
    'intergovernmental-organisation': '政府间组织',
    unknown: '未说明',
  },
  regions: {
    africa: '非洲',
    'asia-pacific': '亚洲-太平洋',
    'eastern-europe': '东欧',
    'latin-america-caribbean': '拉丁美洲和加勒比',
    weog: '西欧和其他国家',
    unknown: '未说明',
  },
};
