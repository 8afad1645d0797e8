/** Interpretation's words in ar (./en.ts is the source). */
import type { InterpretationCatalog } from './en.ts';

const ar: InterpretationCatalog = {
  heading: 'الترجمة الشفوية',
  channel: 'تترجم إلى {language}.',
  noChannel: 'لم تُحدَّد لك قناة لغة: اسأل الأمانة.',
  floor: 'الكلمة',
  floorLanguage: 'لغة الكلمة: {language}',
  nobody: 'لم تُعطَ الكلمة لأحد.',
  askSlower: 'يُرجى التحدث ببطء',
  askSlowerHint: 'يرى الرئيس لغة قناتك، لا اسمك.',
  sent: {
    zero: 'أُرسل إلى الرئيس. يمكنك الطلب مجددًا بعد {count} ثانية.',
    one: 'أُرسل إلى الرئيس. يمكنك الطلب مجددًا بعد ثانية واحدة.',
    two: 'أُرسل إلى الرئيس. يمكنك الطلب مجددًا بعد ثانيتين.',
    few: 'أُرسل إلى الرئيس. يمكنك الطلب مجددًا بعد {count} ثوانٍ.',
    many: 'أُرسل إلى الرئيس. يمكنك الطلب مجددًا بعد {count} ثانية.',
    other: 'أُرسل إلى الرئيس. يمكنك الطلب مجددًا بعد {count} ثانية.',
  },
  queue: 'المتكلمون التالون',
  captions: 'قنوات الترجمة النصية',
  openStatement: 'فتح البيان المُعدّ: {file}',
  signalTitle: 'أبطأ من فضلك: قناة {language}',
  signalBody: 'يطلب أحد المترجمين الشفويين من المتكلم أن يبطئ.',
  signalFrom: 'أرسله {name}؛ أنت وحدك ترى المرسل.',
  passOn: 'اطلب من المتكلم أن يبطئ',
  passed: 'طُلب من المتكلم أن يبطئ.',
  dismiss: 'إغلاق',
  speakerNotice: 'يطلب منك المترجمون الشفويون أن تتكلم ببطء أكثر.',
  channelField: 'قناة اللغة',
  channelHint: 'اللغة التي يترجم إليها هذا المترجم الشفوي.',
  attach: 'أرفق بيانًا مُعدًّا أو شرائح (PDF أو نص، حتى 5 ميغابايت)',
  attached: 'مُرفق: {file}. يراه المترجمون الشفويون وكتّاب الترجمة النصية حين تأخذ الكلمة.',
  attachFailed: 'لم يُرفق الملف: {reason}',
  speakIn: 'لغة كلمتي',
  meetingLanguage: 'لغة الاجتماع ({language})',
};

export default ar;
