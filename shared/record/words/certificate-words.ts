/**
 * The fixed words of a certificate of attendance, in the six languages of the record. Names,
 * titles and the meeting's own words stay as written; times are in UTC, as in the record.
 */
import type { RecordLanguage } from '../record-languages.ts';
import { plural } from './words.ts';

export interface CertificateWords {
  title: string;
  /** Before the name. */
  certifies: string;
  /** After the name, before the meeting's title. */
  tookPart: string;
  plannedDate: string;
  present: string;
  /** First joined to last left, in UTC, with the minutes present (`minutes` already in words). */
  presentSpan: (from: string, to: string, minutes: string) => string;
  where: string;
  speeches: string;
  speechCount: (n: number) => string;
  /** The count in words and the total speaking time (`4:12`). */
  speechTotal: (count: string, time: string) => string;
  noSpeeches: string;
  byItem: string;
  item: string;
  count: string;
  time: string;
  issuedBy: string;
  issuedOn: string;
  /** The word file names start with (Latin letters, digits and hyphens). */
  fileName: string;
}

export const CERTIFICATE_WORDS: Record<RecordLanguage, CertificateWords> = {
  en: {
    title: 'Certificate of attendance',
    certifies: 'This is to certify that',
    tookPart: 'took part in the meeting',
    plannedDate: 'Date of the meeting',
    present: 'Time present',
    presentSpan: (from, to, minutes) => `${from}–${to} UTC (${minutes})`,
    where: 'Took part',
    speeches: 'Speeches',
    speechCount: plural('en', { one: '# speech', other: '# speeches' }),
    speechTotal: (count, time) => `${count}, ${time} in total`,
    noSpeeches: 'Did not take the floor',
    byItem: 'Speeches by agenda item',
    item: 'Agenda item',
    count: 'Speeches',
    time: 'Speaking time',
    issuedBy: 'Issued by the secretariat of the meeting',
    issuedOn: 'Date of issue',
    fileName: 'certificate',
  },
  fr: {
    title: 'Attestation de participation',
    certifies: 'Il est certifié que',
    tookPart: 'a participé à la réunion',
    plannedDate: 'Date de la réunion',
    present: 'Temps de présence',
    presentSpan: (from, to, minutes) => `${from}–${to} UTC (${minutes})`,
    where: 'Mode de participation',
    speeches: 'Interventions',
    speechCount: plural('fr', { one: '# intervention', other: '# interventions' }),
    speechTotal: (count, time) => `${count}, ${time} au total`,
    noSpeeches: 'N’a pas pris la parole',
    byItem: 'Interventions par point de l’ordre du jour',
    item: 'Point de l’ordre du jour',
    count: 'Interventions',
    time: 'Temps de parole',
    issuedBy: 'Délivrée par le secrétariat de la réunion',
    issuedOn: 'Date de délivrance',
    fileName: 'attestation',
  },
  es: {
    title: 'Certificado de asistencia',
    certifies: 'Por la presente se certifica que',
    tookPart: 'participó en la reunión',
    plannedDate: 'Fecha de la reunión',
    present: 'Tiempo de presencia',
    presentSpan: (from, to, minutes) => `${from}–${to} UTC (${minutes})`,
    where: 'Modalidad de participación',
    speeches: 'Intervenciones',
    speechCount: plural('es', { one: '# intervención', other: '# intervenciones' }),
    speechTotal: (count, time) => `${count}, ${time} en total`,
    noSpeeches: 'No hizo uso de la palabra',
    byItem: 'Intervenciones por tema del programa',
    item: 'Tema del programa',
    count: 'Intervenciones',
    time: 'Tiempo de palabra',
    issuedBy: 'Expedido por la secretaría de la reunión',
    issuedOn: 'Fecha de expedición',
    fileName: 'certificado',
  },
  ru: {
    title: 'Свидетельство об участии',
    certifies: 'Настоящим удостоверяется, что',
    tookPart: 'принял(а) участие в заседании',
    plannedDate: 'Дата заседания',
    present: 'Время присутствия',
    presentSpan: (from, to, minutes) => `${from}–${to} UTC (${minutes})`,
    where: 'Форма участия',
    speeches: 'Выступления',
    speechCount: plural('ru', { one: '# выступление', few: '# выступления', many: '# выступлений', other: '# выступления' }),
    speechTotal: (count, time) => `${count}, всего ${time}`,
    noSpeeches: 'Не выступал(а)',
    byItem: 'Выступления по пунктам повестки дня',
    item: 'Пункт повестки дня',
    count: 'Выступления',
    time: 'Время выступлений',
    issuedBy: 'Выдано секретариатом заседания',
    issuedOn: 'Дата выдачи',
    fileName: 'svidetelstvo',
  },
  zh: {
    title: '出席证明',
    certifies: '兹证明',
    tookPart: '出席了会议',
    plannedDate: '会议日期',
    present: '出席时间',
    presentSpan: (from, to, minutes) => `${from}–${to}（UTC），共${minutes}`,
    where: '参会方式',
    speeches: '发言',
    speechCount: (n) => `${n}次发言`,
    speechTotal: (count, time) => `${count}，共计${time}`,
    noSpeeches: '未发言',
    byItem: '按议程项目分列的发言',
    item: '议程项目',
    count: '发言次数',
    time: '发言时间',
    issuedBy: '会议秘书处颁发',
    issuedOn: '颁发日期',
    fileName: 'zhengming',
  },
  ar: {
    title: 'شهادة حضور',
    certifies: 'يُشهد بأن',
    tookPart: 'شارك في الاجتماع',
    plannedDate: 'تاريخ الاجتماع',
    present: 'مدة الحضور',
    presentSpan: (from, to, minutes) => `من ${from} إلى ${to} بالتوقيت العالمي المنسق، ${minutes}`,
    where: 'طريقة المشاركة',
    speeches: 'المداخلات',
    speechCount: plural('ar', {
      zero: '# مداخلة',
      one: 'مداخلة واحدة',
      two: 'مداخلتان',
      few: '# مداخلات',
      many: '# مداخلة',
      other: '# مداخلة',
    }),
    speechTotal: (count, time) => `${count}، ${time} في المجموع`,
    noSpeeches: 'لم يأخذ الكلمة',
    byItem: 'المداخلات حسب بنود جدول الأعمال',
    item: 'بند جدول الأعمال',
    count: 'عدد المداخلات',
    time: 'مدة الكلام',
    issuedBy: 'صادرة عن أمانة الاجتماع',
    issuedOn: 'تاريخ الإصدار',
    fileName: 'shahada',
  },
};
