/** صفحة المحضر باللغة العربية (انظر en.ts). الأسلوب نفسه كما في ../ar.ts. */
import type { RecordPageCatalog } from './en.ts';

const ar: RecordPageCatalog = {
  heading: 'محضر الاجتماع',
  titleWithMeeting: 'المحضر: {title}',
  dateTimeUtc: '{date}، {time} UTC',
  breadcrumb: {
    setup: 'الإعداد',
    meetingPage: 'صفحة الاجتماع',
    record: 'المحضر',
  },
  load: {
    loading: 'جارٍ تحميل المحضر…',
    failed: 'تعذّر تحميل المحضر.',
    openMeetingPage: 'فتح صفحة الاجتماع',
  },
  notLeading: {
    only: 'لا يعمل على المحضر إلا الرئيس والرؤساء المشاركون والأمانة.',
    whereShared: 'عندما يُتاح المحضر للمشاركين، يكون في {link}.',
    link: 'صفحة الاجتماع',
  },
  noDraft: {
    heading: 'لا توجد مسودة بعد',
    text: 'تُنشأ مسودة الملخص عند انتهاء الاجتماع. ويمكنك إنشاؤها الآن من الاجتماع بحالته الراهنة.',
    generate: 'إنشاء المسودة من الاجتماع',
  },
  busy: {
    generating: 'جارٍ الإنشاء…',
    saving: 'جارٍ الحفظ…',
    finalising: 'جارٍ الاعتماد…',
  },
  finalNote: {
    title: 'المحضر النهائي: الصيغة {version}.',
    by: 'اعتمده نهائياً {name} في {date}.',
    readOnly: 'المحضر للقراءة فقط.',
  },
  versions: {
    heading: 'الصيغ',
    columns: {
      version: 'الصيغة',
      made: 'طريقة الإعداد',
      by: 'المُعِدّ',
      when: 'التاريخ',
      open: 'فتح',
    },
    row: 'الصيغة {version}',
    finalBadge: 'نهائية',
    generated: 'مُنشأة من الاجتماع',
    edited: 'مُعدَّلة',
    editedFrom: 'مُعدَّلة انطلاقاً من الصيغة {version}',
    shownBelow: 'معروضة أدناه',
    inEditor: 'في المحرر',
    open: 'فتح',
    show: 'عرض',
    buttonVersion: 'الصيغة {version}',
  },
  confirm: {
    keepEditing: 'مواصلة التحرير',
    openMessage: 'لم تُحفظ تغييراتك في المحرر. هل تريد فتح الصيغة {version} رغم ذلك؟ ستضيع تغييراتك.',
    openButton: 'فتح الصيغة {version}',
    regenerateMessage:
      'لم تُحفظ تغييراتك في المحرر. هل تريد إعادة الإنشاء رغم ذلك؟ تُفتح الصيغة الجديدة في المحرر وتضيع تغييراتك غير المحفوظة (تبقى الصيغ المحفوظة).',
    regenerateButton: 'إعادة الإنشاء رغم ذلك',
    finaliseMessage: 'هل تريد اعتماد الصيغة {version} نهائياً؟ يصبح المحضر للقراءة فقط: لا يمكن بعد ذلك تعديله أو إعادة إنشائه.',
    finaliseMessageUnsaved:
      'هل تريد اعتماد الصيغة {version} نهائياً؟ يصبح المحضر للقراءة فقط: لا يمكن بعد ذلك تعديله أو إعادة إنشائه. تغييراتك غير المحفوظة ليست جزءاً من الصيغة {version}.',
    finaliseButton: 'نعم، اعتماد الصيغة {version} نهائياً',
  },
  shown: {
    heading: 'الصيغة {version}',
    headingFinal: 'الصيغة {version} (النهائية)',
  },
  editor: {
    heading: 'تحرير المسودة',
    openGenerated: 'الصيغة {version} مفتوحة: أنشأها {name} من الاجتماع.',
    openEdited: 'الصيغة {version} مفتوحة: عدّلها {name}.',
    openEditedFrom: 'الصيغة {version} مفتوحة: عدّلها {name} انطلاقاً من الصيغة {basedOn}.',
    unsaved: 'توجد تغييرات غير محفوظة.',
    label: 'نص المحضر',
    hint: 'صيغة Markdown: الرمز # للعناوين، **غامق**، *مائل*، الرمز - للقوائم، [نص](https://…) للروابط. تُعرض شيفرة HTML نصاً عادياً.',
    preview: 'معاينة',
    save: 'حفظ كصيغة جديدة',
    regenerate: 'إعادة الإنشاء من الاجتماع',
    finalise: 'اعتماد هذه الصيغة نهائياً',
    versionsHint:
      'يُنشئ كلٌّ من الحفظ وإعادة الإنشاء صيغة جديدة؛ ولا تُغيَّر أي صيغة ولا تُحذف أبداً. وتُعِدّ إعادة الإنشاء المسودة من جديد من الاجتماع بحالته الراهنة.',
  },
  done: {
    saved: 'حُفظت بوصفها الصيغة {version}.',
    generatedFirst: 'أُنشئت الصيغة 1 من الاجتماع.',
    generated: 'أُنشئت الصيغة {version} من الاجتماع. واحتُفظ بالصيغ السابقة.',
    showing: 'تُعرض الصيغة {version}.',
    openInEditor: 'الصيغة {version} مفتوحة في المحرر.',
  },
  problems: {
    versionNotLoaded: 'تعذّر تحميل الصيغة {version}.',
    empty: 'المحضر فارغ: اكتب شيئاً قبل الحفظ.',
    unchanged: 'لم يتغير شيء منذ الصيغة {version}.',
    notSaved: 'تعذّر حفظ المحضر. لا يزال نصك في المحرر: حاول مرة أخرى.',
    notGenerated: 'تعذّر إنشاء المحضر. حاول مرة أخرى.',
    notFinalised: 'تعذّر اعتماد المحضر نهائياً. حاول مرة أخرى.',
    sharingNotChanged: 'تعذّر تغيير إتاحة المحضر. حاول مرة أخرى.',
  },
  sharing: {
    heading: 'الإتاحة للمشاركين',
    legend: 'إتاحة المحضر للمشاركين',
    none: {
      label: 'غير متاح',
      hint: 'لا يرى المحضر إلا الرئيس والرؤساء المشاركون والأمانة.',
    },
    draft: {
      label: 'إتاحة المسودة',
      hint: 'يرى المشاركون أحدث صيغة في صفحة الاجتماع، مع الإشارة إلى أنها مسودة (والمحضر النهائي عند اعتماده).',
    },
    final: {
      label: 'إتاحة المحضر النهائي',
      hint: 'يرى المشاركون المحضر في صفحة الاجتماع بعد اعتماده نهائياً.',
    },
    notYetFinal: 'لا يُعرض شيء على المشاركين إلى أن تُعتمد صيغة نهائياً.',
    saidNone: 'لم يعد المحضر متاحاً للمشاركين.',
    saidDraft: 'يرى المشاركون الآن المسودة في صفحة الاجتماع.',
    saidFinal: 'يرى المشاركون الآن المحضر النهائي في صفحة الاجتماع.',
    saidFinalLater: 'سيرى المشاركون المحضر بعد اعتماده نهائياً.',
  },
  downloads: {
    language: 'لغة المحضر',
    languageHint:
      'تكون العناوين والتواريخ والرسوم البيانية في الملفات المنزَّلة وفي أي مسودة جديدة بهذه اللغة؛ ويبقى النص الذي كتبه الأشخاص كما كُتب.',
    heading: 'التنزيلات',
    record: 'المحضر، الصيغة {version}',
    recordFinal: 'المحضر، الصيغة {version} (النهائية)',
    unsaved: 'التنزيلات هي للصيغة المحفوظة {version}، من دون تغييراتك غير المحفوظة.',
    dataHeading: 'الحضور والمداخلات',
    attendance: 'الحضور (.csv)',
    speaking: 'إحصاءات المداخلات (.csv)',
    certificates: 'شهادات الحضور (.zip)',
    certificatesHint: 'ملف PDF لكل من شارك، باللغة المختارة أعلاه؛ تتاح بعد انتهاء الاجتماع.',
    transcriptHeading: 'النص الكامل للترجمة النصية',
    transcript: 'النص الكامل: {format}',
    formats: {
      md: 'Markdown (.md)',
      html: 'صفحة ويب (.html)',
      docx: 'Word (.docx)',
      pdf: 'PDF (.pdf)',
      json: 'بيانات (.json)',
      txt: 'نص (.txt)',
      vtt: 'ترجمة نصية WebVTT (.vtt)',
      srt: 'ترجمة نصية SubRip (.srt)',
    },
  },
};

export default ar;
