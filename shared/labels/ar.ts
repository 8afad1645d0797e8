/** Arabic: the names of roles, places of taking part, stakeholder groups and regions (labels.ts). */
import type { PeopleLabels } from './labels.ts';

export const ar: PeopleLabels = {
  roles: {
    chair: 'الرئيس',
    'co-chair': 'الرئيس المشارك',
    secretariat: 'الأمانة',
    member: 'عضو',
    observer: 'مراقب',
    captioner: 'كاتب الترجمة النصية الفورية',
    interpreter: 'مترجم شفوي',
  },
  locations: { room: 'في القاعة', remote: 'عن بُعد', phone: 'عبر الهاتف', unknown: 'غير محدد' },
  stakeholderGroups: {
    government: 'الحكومات',
    'private-sector': 'القطاع الخاص',
    'civil-society': 'المجتمع المدني',
    'technical-community': 'الأوساط التقنية',
    'intergovernmental-organisation': 'المنظمات الحكومية الدولية',
    unknown: 'غير محددة',
  },
  regions: {
    africa: 'أفريقيا',
    'asia-pacific': 'آسيا والمحيط الهادئ',
    'eastern-europe': 'أوروبا الشرقية',
    'latin-america-caribbean': 'أمريكا اللاتينية ومنطقة البحر الكاريبي',
    weog: 'أوروبا الغربية ودول أخرى',
    unknown: 'غير محددة',
  },
};
