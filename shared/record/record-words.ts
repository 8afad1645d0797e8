/**
 * The fixed words of the record (headings, labels, the punctuation around them), per
 * language: the six official languages of the United Nations, in the register of its
 * documents. The content — names, titles, decisions' text — stays as people wrote it.
 */
import type { Location, MeetingRole, Region, StakeholderGroup } from '../domain.ts';
import { MEETING_ROLE_LABELS, REGION_LABELS, STAKEHOLDER_GROUP_LABELS } from '../domain.ts';
import type { DecisionKind } from '../meeting/types.ts';

/** Arabic, Chinese (simplified), English, French, Russian, Spanish; English first, the default. */
export const RECORD_LANGUAGES = ['en', 'ar', 'zh', 'fr', 'ru', 'es'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

/** Words the participation charts need beyond the record's own. */
export interface ChartWords {
  charts: string;
  turnCount: (n: number) => string;
  figures: (title: string) => string;
}

/** The punctuation the record puts between its words and people's text. */
export interface RecordPunctuation {
  /** After a label: `Support: A, B.` */
  colon: string;
  /** Between the parts of one statement: `(Secretariat, by 2017-04-25)`. */
  comma: string;
  /** Between the names of a list. */
  listComma: string;
  /** Between items of a list that have commas in them. */
  semicolon: string;
  /** The end of the last sentence of a paragraph. */
  fullStop: string;
  /** The end of a sentence and the start of the next: `. `, or `。` alone in Chinese. */
  nextSentence: string;
  /** Before and after an aside, the space before it included: ` (in the room)`. */
  open: string;
  close: string;
  /** Around quoted words (chat messages). */
  quoteOpen: string;
  quoteClose: string;
}

export interface RecordWords extends ChartWords {
  /**
   * The locale for dates (Intl, always with the Gregorian calendar and Latin digits, as in
   * United Nations documents) and the document language of DOCX and PDF.
   */
  locale: string;
  direction: 'ltr' | 'rtl';
  punctuation: RecordPunctuation;
  summaryReport: string;
  draft: string;
  final: string;
  meeting: string;
  date: string;
  time: string;
  chair: string;
  secretariat: string;
  summary: string;
  item: string;
  minutesAllotted: (allotted: number | null, used: number) => string;
  speakers: string;
  noSpeakers: string;
  support: string;
  objections: string;
  otherComments: string;
  consensus: (question: string) => string;
  agreedWithoutObjection: string;
  objectionsFrom: string;
  stillOpen: string;
  decision: string;
  decisionKinds: Record<DecisionKind, string>;
  actionItems: string;
  by: string;
  flaggedChat: string;
  presentations: string;
  annexAgenda: string;
  annexProposals: string;
  annexParticipants: string;
  annexAttendance: string;
  annexStatistics: string;
  proposal: string;
  minutes: (n: number) => string;
  roles: Record<MeetingRole, string>;
  /** Where people took part from; `unknown`: they did not say. */
  locations: Record<Location | 'unknown', string>;
  /** `unknown`: not stated (not asked, or typed in by name). */
  stakeholderGroups: Record<StakeholderGroup | 'unknown', string>;
  regions: Record<Region | 'unknown', string>;
  name: string;
  affiliation: string;
  role: string;
  joined: string;
  left: string;
  connected: string;
  absent: string;
  byLocation: string;
  byStakeholderGroup: string;
  byRegion: string;
  turns: string;
  speakingTime: string;
  share: string;
  none: string;
  generatedAt: string;
  finalisedBy: (name: string, when: string) => string;
  /** After "Draft": the instant every figure is counted to, `14:32 UTC`. */
  asOf: (time: string) => string;
  /** The annexes' numbers, I to V, as the annex headings write them (before ` – `); annexes are numbered in the order they appear. */
  annexNumerals: readonly string[];
  /** After an objector's name in a consensus call: `who said “No proposal was circulated”`. */
  whoSaid: (reason: string) => string;
  /** An item that never ran. */
  notTakenUp: string;
  /** An item the chair deferred. */
  itemDeferred: string;
  /** A presentation slot: its minutes and the time it took (`12:30`). */
  presentationTime: (allotted: number, used: string) => string;
  /** How far a presentation ran over its minutes (`2:30`). */
  overrun: (by: string) => string;
  cutShort: string;
  /** A presentation slot never given. */
  notGiven: string;
  /** The meeting had not ended at the record's instant. */
  inSession: string;
  /** Before the planned times, when the meeting opened or closed at other times. */
  plannedTime: string;
  /** Whether a sentence's full stop goes inside a closing quote (`“Thank you.”`), as in English. */
  stopInsideQuotes: boolean;
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A count in words by the language's plural rules (CLDR, through Intl.PluralRules); `#` is the number. */
function plural(locale: string, forms: PluralForms): (n: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (n) => (forms[rules.select(n)] ?? forms.other).replace('#', String(n));
}

const en: RecordWords = {
  locale: 'en-GB',
  direction: 'ltr',
  punctuation: {
    colon: ': ',
    comma: ', ',
    listComma: ', ',
    semicolon: '; ',
    fullStop: '.',
    nextSentence: '. ',
    open: ' (',
    close: ')',
    quoteOpen: '“',
    quoteClose: '”',
  },
  summaryReport: 'Summary report',
  draft: 'Draft',
  final: 'Final',
  meeting: 'Meeting',
  date: 'Date',
  time: 'Time',
  chair: 'Chair',
  secretariat: 'Secretariat',
  summary: 'Summary',
  item: 'Item',
  minutesAllotted: (allotted, used) =>
    allotted === null
      ? `${used} ${used === 1 ? 'minute' : 'minutes'} used`
      : `${allotted} ${allotted === 1 ? 'minute' : 'minutes'} allotted, ${used} used`,
  speakers: 'Speakers, in order',
  noSpeakers: 'No one took the floor',
  support: 'Support',
  objections: 'Objections',
  otherComments: 'Other Comments',
  consensus: (question) => `Consensus call (“${question}”)`,
  agreedWithoutObjection: 'agreed without objection',
  objectionsFrom: 'objections from',
  stillOpen: 'still open',
  decision: 'Decision',
  decisionKinds: {
    agreed: 'agreed',
    'not-agreed': 'not agreed',
    'deferred-to-mailing-list': 'deferred to the mailing list',
    'deferred-to-later-meeting': 'deferred to a later meeting',
  },
  actionItems: 'Action items',
  by: 'by',
  flaggedChat: 'From the chat, for the minutes',
  presentations: 'Presentations',
  annexAgenda: 'Annex I – Agenda',
  annexProposals: 'Annex II – Proposals and positions',
  annexParticipants: 'Annex III – List of participants',
  annexAttendance: 'Annex IV – Attendance',
  annexStatistics: 'Annex V – Participation statistics',
  proposal: 'Proposal',
  minutes: (n) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
  roles: { ...MEETING_ROLE_LABELS },
  locations: { room: 'in the room', remote: 'remote', phone: 'by phone', unknown: 'not stated' },
  stakeholderGroups: { ...STAKEHOLDER_GROUP_LABELS, unknown: 'Not stated' },
  regions: { ...REGION_LABELS, unknown: 'Not stated' },
  name: 'Name',
  affiliation: 'Affiliation',
  role: 'Role',
  joined: 'Joined (UTC)',
  left: 'Left (UTC)',
  connected: 'Minutes connected',
  absent: 'did not connect',
  byLocation: 'By where people took part from',
  byStakeholderGroup: 'By stakeholder group',
  byRegion: 'By region',
  turns: 'Speaking turns',
  speakingTime: 'Speaking time',
  share: 'Share of time',
  none: 'none',
  generatedAt: 'Generated from the meeting',
  finalisedBy: (name, when) => `Finalised by ${name}, ${when}`,
  charts: 'Participation charts',
  turnCount: (n) => `${n} ${n === 1 ? 'turn' : 'turns'}`,
  figures: (title) => `${title}: the figures`,
  asOf: (time) => `as of ${time}`,
  annexNumerals: ['I', 'II', 'III', 'IV', 'V'],
  whoSaid: (reason) => `who said “${reason}”`,
  notTakenUp: 'not taken up',
  itemDeferred: 'deferred',
  presentationTime: (allotted, used) => `${allotted} ${allotted === 1 ? 'minute' : 'minutes'} allotted, ${used} used`,
  overrun: (by) => `${by} over time`,
  cutShort: 'cut short by the chair',
  notGiven: 'not given',
  inSession: 'still in session',
  plannedTime: 'planned',
  stopInsideQuotes: true,
};

// French: a no-break space before the colon and the semicolon and inside the guillemets.
const frMinutes = plural('fr', { one: '# minute', other: '# minutes' });
const frMinutesUsed = plural('fr', { one: '# minute utilisée', other: '# minutes utilisées' });
const frMinutesPlanned = plural('fr', { one: '# minute prévue', other: '# minutes prévues' });
const frUsed = plural('fr', { one: '# utilisée', other: '# utilisées' });
const fr: RecordWords = {
  locale: 'fr-FR',
  direction: 'ltr',
  punctuation: {
    colon: '\u00a0: ',
    comma: ', ',
    listComma: ', ',
    semicolon: '\u00a0; ',
    fullStop: '.',
    nextSentence: '. ',
    open: ' (',
    close: ')',
    quoteOpen: '«\u00a0',
    quoteClose: '\u00a0»',
  },
  summaryReport: 'Rapport de synthèse',
  draft: 'Projet',
  final: 'Version finale',
  meeting: 'Réunion',
  date: 'Date',
  time: 'Heure',
  chair: 'Présidence',
  secretariat: 'Secrétariat',
  summary: 'Résumé',
  item: 'Point',
  minutesAllotted: (allotted, used) => (allotted === null ? frMinutesUsed(used) : `${frMinutesPlanned(allotted)}, ${frUsed(used)}`),
  speakers: 'Intervenants, par ordre d’intervention',
  noSpeakers: 'Personne n’a pris la parole',
  support: 'Appui',
  objections: 'Objections',
  otherComments: 'Autres commentaires',
  consensus: (question) => `Recherche du consensus («\u00a0${question}\u00a0»)`,
  agreedWithoutObjection: 'approuvé sans objection',
  objectionsFrom: 'objections de',
  stillOpen: 'toujours en suspens',
  decision: 'Décision',
  decisionKinds: {
    agreed: 'approuvé',
    'not-agreed': 'non approuvé',
    'deferred-to-mailing-list': 'reporté à la liste de diffusion',
    'deferred-to-later-meeting': 'reporté à une réunion ultérieure',
  },
  actionItems: 'Mesures à prendre',
  by: 'au plus tard le',
  flaggedChat: 'Extraits du chat, pour le compte rendu',
  presentations: 'Exposés',
  annexAgenda: 'Annexe I – Ordre du jour',
  annexProposals: 'Annexe II – Propositions et positions',
  annexParticipants: 'Annexe III – Liste des participants',
  annexAttendance: 'Annexe IV – Présence',
  annexStatistics: 'Annexe V – Statistiques de participation',
  proposal: 'Proposition',
  minutes: frMinutes,
  roles: {
    chair: 'Présidence',
    'co-chair': 'Coprésidence',
    secretariat: 'Secrétariat',
    member: 'Membre',
    observer: 'Observateur',
    captioner: 'Sous-titrage',
  },
  locations: { room: 'dans la salle', remote: 'à distance', phone: 'par téléphone', unknown: 'non précisé' },
  stakeholderGroups: {
    government: 'Gouvernement',
    'private-sector': 'Secteur privé',
    'civil-society': 'Société civile',
    'technical-community': 'Communauté technique',
    'intergovernmental-organisation': 'Organisation intergouvernementale',
    unknown: 'Non précisé',
  },
  regions: {
    africa: 'Afrique',
    'asia-pacific': 'Asie-Pacifique',
    'eastern-europe': 'Europe orientale',
    'latin-america-caribbean': 'Amérique latine et Caraïbes',
    weog: 'Europe occidentale et autres États',
    unknown: 'Non précisé',
  },
  name: 'Nom',
  affiliation: 'Organisation',
  role: 'Fonction',
  joined: 'Arrivée (UTC)',
  left: 'Départ (UTC)',
  connected: 'Minutes de connexion',
  absent: 'pas de connexion',
  byLocation: 'Par mode de participation',
  byStakeholderGroup: 'Par groupe de parties prenantes',
  byRegion: 'Par région',
  turns: 'Interventions',
  speakingTime: 'Temps de parole',
  share: 'Part du temps',
  none: 'aucun',
  generatedAt: 'Établi à partir des données de la réunion',
  finalisedBy: (name, when) => `Finalisée par ${name}, ${when}`,
  charts: 'Graphiques de participation',
  turnCount: plural('fr', { one: '# intervention', other: '# interventions' }),
  figures: (title) => `${title} : données chiffrées`,
  asOf: (time) => `situation à ${time}`,
  annexNumerals: ['I', 'II', 'III', 'IV', 'V'],
  whoSaid: (reason) => `qui a déclaré «\u00a0${reason}\u00a0»`,
  notTakenUp: 'non examiné',
  itemDeferred: 'reporté',
  presentationTime: (allotted, used) => `${frMinutesPlanned(allotted)}, durée effective ${used}`,
  overrun: (by) => `dépassement de ${by}`,
  cutShort: 'interrompu par la présidence',
  notGiven: 'non présenté',
  inSession: 'toujours en cours',
  plannedTime: 'prévu',
  stopInsideQuotes: false,
};

const esMinutesUsed = plural('es', { one: '# minuto utilizado', other: '# minutos utilizados' });
const esMinutesAllotted = plural('es', { one: '# minuto asignado', other: '# minutos asignados' });
const esUsed = plural('es', { one: '# utilizado', other: '# utilizados' });
const es: RecordWords = {
  locale: 'es-ES',
  direction: 'ltr',
  punctuation: {
    colon: ': ',
    comma: ', ',
    listComma: ', ',
    semicolon: '; ',
    fullStop: '.',
    nextSentence: '. ',
    open: ' (',
    close: ')',
    quoteOpen: '“',
    quoteClose: '”',
  },
  summaryReport: 'Informe resumido',
  draft: 'Proyecto',
  final: 'Versión final',
  meeting: 'Reunión',
  date: 'Fecha',
  time: 'Hora',
  chair: 'Presidencia',
  secretariat: 'Secretaría',
  summary: 'Resumen',
  item: 'Tema',
  minutesAllotted: (allotted, used) => (allotted === null ? esMinutesUsed(used) : `${esMinutesAllotted(allotted)}, ${esUsed(used)}`),
  speakers: 'Oradores, por orden de intervención',
  noSpeakers: 'Nadie hizo uso de la palabra',
  support: 'Apoyo',
  objections: 'Objeciones',
  otherComments: 'Otros comentarios',
  consensus: (question) => `Verificación del consenso (“${question}”)`,
  agreedWithoutObjection: 'aprobado sin objeciones',
  objectionsFrom: 'objeciones de',
  stillOpen: 'aún pendiente',
  decision: 'Decisión',
  decisionKinds: {
    agreed: 'aprobado',
    'not-agreed': 'no aprobado',
    'deferred-to-mailing-list': 'remitido a la lista de distribución',
    'deferred-to-later-meeting': 'aplazado a una reunión posterior',
  },
  actionItems: 'Medidas que deben adoptarse',
  by: 'a más tardar el',
  flaggedChat: 'Del chat, para el acta',
  presentations: 'Exposiciones',
  annexAgenda: 'Anexo I – Programa',
  annexProposals: 'Anexo II – Propuestas y posiciones',
  annexParticipants: 'Anexo III – Lista de participantes',
  annexAttendance: 'Anexo IV – Asistencia',
  annexStatistics: 'Anexo V – Estadísticas de participación',
  proposal: 'Propuesta',
  minutes: plural('es', { one: '# minuto', other: '# minutos' }),
  roles: {
    chair: 'Presidencia',
    'co-chair': 'Copresidencia',
    secretariat: 'Secretaría',
    member: 'Miembro',
    observer: 'Observador',
    captioner: 'Subtitulado',
  },
  locations: { room: 'en la sala', remote: 'a distancia', phone: 'por teléfono', unknown: 'sin indicar' },
  stakeholderGroups: {
    government: 'Gobierno',
    'private-sector': 'Sector privado',
    'civil-society': 'Sociedad civil',
    'technical-community': 'Comunidad técnica',
    'intergovernmental-organisation': 'Organización intergubernamental',
    unknown: 'Sin indicar',
  },
  regions: {
    africa: 'África',
    'asia-pacific': 'Asia y el Pacífico',
    'eastern-europe': 'Europa Oriental',
    'latin-america-caribbean': 'América Latina y el Caribe',
    weog: 'Europa Occidental y otros Estados',
    unknown: 'Sin indicar',
  },
  name: 'Nombre',
  affiliation: 'Organización',
  role: 'Función',
  joined: 'Entrada (UTC)',
  left: 'Salida (UTC)',
  connected: 'Minutos de conexión',
  absent: 'no se conectó',
  byLocation: 'Por modalidad de participación',
  byStakeholderGroup: 'Por grupo de partes interesadas',
  byRegion: 'Por región',
  turns: 'Intervenciones',
  speakingTime: 'Tiempo de intervención',
  share: 'Porcentaje del tiempo',
  none: 'ninguno',
  generatedAt: 'Generado a partir de los datos de la reunión',
  finalisedBy: (name, when) => `Finalizada por ${name}, ${when}`,
  charts: 'Gráficos de participación',
  turnCount: plural('es', { one: '# intervención', other: '# intervenciones' }),
  figures: (title) => `${title}: cifras`,
  asOf: (time) => `situación a las ${time}`,
  annexNumerals: ['I', 'II', 'III', 'IV', 'V'],
  whoSaid: (reason) => `quien dijo “${reason}”`,
  notTakenUp: 'no examinado',
  itemDeferred: 'aplazado',
  presentationTime: (allotted, used) => `${esMinutesAllotted(allotted)}, duración efectiva ${used}`,
  overrun: (by) => `${by} por encima del tiempo asignado`,
  cutShort: 'interrumpida por la Presidencia',
  notGiven: 'no presentada',
  inSession: 'aún en curso',
  plannedTime: 'previsto',
  stopInsideQuotes: false,
};

// Russian counts take three forms: 1, 21 минута; 2–4, 22 минуты; 0, 5–20 минут.
const ruMinutes = plural('ru', { one: '# минута', few: '# минуты', many: '# минут', other: '# минуты' });
const ru: RecordWords = {
  locale: 'ru-RU',
  direction: 'ltr',
  punctuation: {
    colon: ': ',
    comma: ', ',
    listComma: ', ',
    semicolon: '; ',
    fullStop: '.',
    nextSentence: '. ',
    open: ' (',
    close: ')',
    quoteOpen: '«',
    quoteClose: '»',
  },
  summaryReport: 'Краткий отчёт',
  draft: 'Проект',
  final: 'Окончательная редакция',
  meeting: 'Совещание',
  date: 'Дата',
  time: 'Время',
  chair: 'Председатель',
  secretariat: 'Секретариат',
  summary: 'Краткое изложение',
  item: 'Пункт',
  minutesAllotted: (allotted, used) =>
    allotted === null ? `использовано: ${ruMinutes(used)}` : `отведено: ${ruMinutes(allotted)}, использовано: ${ruMinutes(used)}`,
  speakers: 'Выступили (в порядке очерёдности)',
  noSpeakers: 'Выступлений не было',
  support: 'Поддержка',
  objections: 'Возражения',
  otherComments: 'Другие замечания',
  consensus: (question) => `Проверка наличия консенсуса («${question}»)`,
  agreedWithoutObjection: 'согласовано без возражений',
  objectionsFrom: 'возражения высказали',
  stillOpen: 'ещё не завершена',
  decision: 'Решение',
  decisionKinds: {
    agreed: 'согласовано',
    'not-agreed': 'не согласовано',
    'deferred-to-mailing-list': 'передано для обсуждения в списке рассылки',
    'deferred-to-later-meeting': 'перенесено на одно из следующих совещаний',
  },
  actionItems: 'Поручения',
  by: 'срок:',
  flaggedChat: 'Из чата, для протокола',
  presentations: 'Презентации',
  annexAgenda: 'Приложение I – Повестка дня',
  annexProposals: 'Приложение II – Предложения и позиции',
  annexParticipants: 'Приложение III – Список участников',
  annexAttendance: 'Приложение IV – Присутствие',
  annexStatistics: 'Приложение V – Статистика участия',
  proposal: 'Предложение',
  minutes: ruMinutes,
  roles: {
    chair: 'Председатель',
    'co-chair': 'Сопредседатель',
    secretariat: 'Секретариат',
    member: 'Член',
    observer: 'Наблюдатель',
    captioner: 'Оператор субтитров',
  },
  locations: { room: 'в зале', remote: 'дистанционно', phone: 'по телефону', unknown: 'не указано' },
  stakeholderGroups: {
    government: 'Правительство',
    'private-sector': 'Частный сектор',
    'civil-society': 'Гражданское общество',
    'technical-community': 'Техническое сообщество',
    'intergovernmental-organisation': 'Межправительственная организация',
    unknown: 'Не указано',
  },
  regions: {
    africa: 'Африка',
    'asia-pacific': 'Азиатско-Тихоокеанский регион',
    'eastern-europe': 'Восточная Европа',
    'latin-america-caribbean': 'Латинская Америка и Карибский бассейн',
    weog: 'Западная Европа и другие государства',
    unknown: 'Не указано',
  },
  name: 'Имя и фамилия',
  affiliation: 'Организация',
  role: 'Функция',
  joined: 'Подключение (UTC)',
  left: 'Отключение (UTC)',
  connected: 'Время подключения, мин',
  absent: 'подключения не было',
  byLocation: 'По способу участия',
  byStakeholderGroup: 'По группам заинтересованных сторон',
  byRegion: 'По регионам',
  turns: 'Выступления',
  speakingTime: 'Время выступлений',
  share: 'Доля времени',
  none: 'нет',
  generatedAt: 'Сформировано по данным совещания',
  finalisedBy: (name, when) => `Утверждена: ${name}, ${when}`,
  charts: 'Диаграммы участия',
  turnCount: plural('ru', { one: '# выступление', few: '# выступления', many: '# выступлений', other: '# выступления' }),
  figures: (title) => `${title}: данные`,
  asOf: (time) => `по состоянию на ${time}`,
  annexNumerals: ['I', 'II', 'III', 'IV', 'V'],
  whoSaid: (reason) => `с обоснованием: «${reason}»`,
  notTakenUp: 'не рассматривался',
  itemDeferred: 'отложен',
  presentationTime: (allotted, used) => `отведено: ${ruMinutes(allotted)}, фактически: ${used}`,
  overrun: (by) => `превышение: ${by}`,
  cutShort: 'прервана председателем',
  notGiven: 'не состоялась',
  inSession: 'ещё продолжается',
  plannedTime: 'по плану',
  stopInsideQuotes: false,
};

// Arabic counts: 0 دقيقة، دقيقة واحدة، دقيقتان، 3–10 دقائق، 11–99 دقيقة، 100 دقيقة. Latin digits, as in UN documents.
const arMinutes = plural('ar', { zero: '# دقيقة', one: 'دقيقة واحدة', two: 'دقيقتان', few: '# دقائق', many: '# دقيقة', other: '# دقيقة' });
const ar: RecordWords = {
  locale: 'ar-SA',
  direction: 'rtl',
  punctuation: {
    colon: ': ',
    comma: '، ',
    listComma: '، ',
    semicolon: '؛ ',
    fullStop: '.',
    nextSentence: '. ',
    open: ' (',
    close: ')',
    quoteOpen: '«',
    quoteClose: '»',
  },
  summaryReport: 'تقرير موجز',
  draft: 'مسودة',
  final: 'الصيغة النهائية',
  meeting: 'الاجتماع',
  date: 'التاريخ',
  time: 'الوقت',
  chair: 'الرئاسة',
  secretariat: 'الأمانة',
  summary: 'موجز',
  item: 'البند',
  minutesAllotted: (allotted, used) =>
    allotted === null ? `الوقت المستخدم: ${arMinutes(used)}` : `الوقت المخصص: ${arMinutes(allotted)}، والوقت المستخدم: ${arMinutes(used)}`,
  speakers: 'المتكلمون، حسب ترتيب أخذ الكلمة',
  noSpeakers: 'لم يأخذ أحد الكلمة',
  support: 'المؤيدون',
  objections: 'الاعتراضات',
  otherComments: 'تعليقات أخرى',
  consensus: (question) => `الدعوة إلى توافق الآراء («${question}»)`,
  agreedWithoutObjection: 'اتُّفق عليه دون اعتراض',
  objectionsFrom: 'اعتراضات من',
  stillOpen: 'لا تزال مفتوحة',
  decision: 'المقرر',
  decisionKinds: {
    agreed: 'اتُّفق عليه',
    'not-agreed': 'لم يُتّفق عليه',
    'deferred-to-mailing-list': 'أُرجئ إلى القائمة البريدية',
    'deferred-to-later-meeting': 'أُرجئ إلى اجتماع لاحق',
  },
  actionItems: 'الإجراءات المطلوب اتخاذها',
  by: 'في موعد أقصاه',
  flaggedChat: 'من الدردشة، للإدراج في المحضر',
  presentations: 'العروض',
  annexAgenda: 'المرفق الأول – جدول الأعمال',
  annexProposals: 'المرفق الثاني – المقترحات والمواقف',
  annexParticipants: 'المرفق الثالث – قائمة المشاركين',
  annexAttendance: 'المرفق الرابع – الحضور',
  annexStatistics: 'المرفق الخامس – إحصاءات المشاركة',
  proposal: 'المقترح',
  minutes: arMinutes,
  roles: {
    chair: 'الرئاسة',
    'co-chair': 'الرئاسة المشاركة',
    secretariat: 'الأمانة',
    member: 'عضو',
    observer: 'مراقب',
    captioner: 'الترجمة النصية الفورية',
  },
  locations: { room: 'في القاعة', remote: 'عن بُعد', phone: 'عبر الهاتف', unknown: 'غير محدد' },
  stakeholderGroups: {
    government: 'الحكومات',
    'private-sector': 'القطاع الخاص',
    'civil-society': 'المجتمع المدني',
    'technical-community': 'الأوساط التقنية',
    'intergovernmental-organisation': 'المنظمات الحكومية الدولية',
    unknown: 'غير محدد',
  },
  regions: {
    africa: 'أفريقيا',
    'asia-pacific': 'آسيا والمحيط الهادئ',
    'eastern-europe': 'أوروبا الشرقية',
    'latin-america-caribbean': 'أمريكا اللاتينية ومنطقة البحر الكاريبي',
    weog: 'أوروبا الغربية ودول أخرى',
    unknown: 'غير محدد',
  },
  name: 'الاسم',
  affiliation: 'الجهة',
  role: 'الصفة',
  joined: 'الانضمام (UTC)',
  left: 'المغادرة (UTC)',
  connected: 'دقائق الاتصال',
  absent: 'لم يتصل',
  byLocation: 'حسب طريقة المشاركة',
  byStakeholderGroup: 'حسب فئة أصحاب المصلحة',
  byRegion: 'حسب المنطقة',
  turns: 'المداخلات',
  speakingTime: 'وقت الكلام',
  share: 'النسبة من الوقت',
  none: 'لا يوجد',
  generatedAt: 'أُعدّ انطلاقاً من بيانات الاجتماع',
  finalisedBy: (name, when) => `اعتمدها ${name}، ${when}`,
  charts: 'الرسوم البيانية للمشاركة',
  turnCount: plural('ar', {
    zero: '# مداخلة',
    one: 'مداخلة واحدة',
    two: 'مداخلتان',
    few: '# مداخلات',
    many: '# مداخلة',
    other: '# مداخلة',
  }),
  figures: (title) => `${title}: الأرقام`,
  asOf: (time) => `حتى الساعة ${time}`,
  annexNumerals: ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس'],
  whoSaid: (reason) => `مع التعليل: «${reason}»`,
  notTakenUp: 'لم يُتناول',
  itemDeferred: 'أُرجئ',
  presentationTime: (allotted, used) => `الوقت المخصص: ${arMinutes(allotted)}، والوقت المستخدم: ${used}`,
  overrun: (by) => `تجاوز الوقت بمقدار ${by}`,
  cutShort: 'أوقفته الرئاسة قبل انتهاء وقته',
  notGiven: 'لم يُقدَّم',
  inSession: 'لا يزال منعقدًا',
  plannedTime: 'الموعد المقرر',
  stopInsideQuotes: false,
};

// Chinese: full-width punctuation, no spaces between sentences, 、 between names.
const zh: RecordWords = {
  locale: 'zh-CN',
  direction: 'ltr',
  punctuation: {
    colon: '：',
    comma: '，',
    listComma: '、',
    semicolon: '；',
    fullStop: '。',
    nextSentence: '。',
    open: '（',
    close: '）',
    quoteOpen: '“',
    quoteClose: '”',
  },
  summaryReport: '摘要报告',
  draft: '草案',
  final: '定稿',
  meeting: '会议',
  date: '日期',
  time: '时间',
  chair: '主席',
  secretariat: '秘书处',
  summary: '摘要',
  item: '项目',
  minutesAllotted: (allotted, used) => (allotted === null ? `实际用时${used}分钟` : `分配时间${allotted}分钟，实际用时${used}分钟`),
  speakers: '发言者（按发言顺序）',
  noSpeakers: '无人发言',
  support: '支持',
  objections: '反对意见',
  otherComments: '其他意见',
  consensus: (question) => `征求协商一致意见（“${question}”）`,
  agreedWithoutObjection: '无异议通过',
  objectionsFrom: '提出反对意见的有',
  stillOpen: '尚未结束',
  decision: '决定',
  decisionKinds: {
    agreed: '商定',
    'not-agreed': '未商定',
    'deferred-to-mailing-list': '推迟至邮件列表讨论',
    'deferred-to-later-meeting': '推迟至以后的会议',
  },
  actionItems: '行动事项',
  by: '截止日期',
  flaggedChat: '聊天记录摘录（供记录）',
  presentations: '专题介绍',
  annexAgenda: '附件一 – 议程',
  annexProposals: '附件二 – 提案和立场',
  annexParticipants: '附件三 – 与会者名单',
  annexAttendance: '附件四 – 出席情况',
  annexStatistics: '附件五 – 参与情况统计',
  proposal: '提案',
  minutes: (n) => `${n}分钟`,
  roles: {
    chair: '主席',
    'co-chair': '联合主席',
    secretariat: '秘书处',
    member: '成员',
    observer: '观察员',
    captioner: '字幕员',
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
  name: '姓名',
  affiliation: '所属机构',
  role: '职能',
  joined: '加入时间（UTC）',
  left: '离开时间（UTC）',
  connected: '在线分钟数',
  absent: '未连接',
  byLocation: '按参与方式',
  byStakeholderGroup: '按利益攸关方群体',
  byRegion: '按区域',
  turns: '发言次数',
  speakingTime: '发言时间',
  share: '时间占比',
  none: '无',
  generatedAt: '根据会议数据生成',
  finalisedBy: (name, when) => `定稿人：${name}，${when}`,
  charts: '参与情况图表',
  turnCount: (n) => `${n}次发言`,
  figures: (title) => `${title}：数据`,
  asOf: (time) => `截至${time}`,
  annexNumerals: ['一', '二', '三', '四', '五'],
  whoSaid: (reason) => `理由：“${reason}”`,
  notTakenUp: '未审议',
  itemDeferred: '推迟',
  presentationTime: (allotted, used) => `分配时间${allotted}分钟，实际用时${used}`,
  overrun: (by) => `超时${by}`,
  cutShort: '被主席提前结束',
  notGiven: '未进行',
  inSession: '仍在进行',
  plannedTime: '计划时间',
  stopInsideQuotes: false,
};

export const RECORD_WORDS: Record<RecordLanguage, RecordWords> = { en, ar, zh, fr, ru, es };

/** A date in the record's language, in UTC: "Wednesday, 12 April 2017", "mercredi 12 avril 2017". */
export function recordDate(ms: number, language: RecordLanguage, weekday = true): string {
  return new Intl.DateTimeFormat(RECORD_WORDS[language].locale, {
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).format(new Date(ms));
}

/**
 * The language a record's Markdown was generated in, read from its status line
 * (`**Summary report** — Draft`); undefined when an edit took the line out.
 */
export function markdownLanguage(markdown: string): RecordLanguage | undefined {
  return RECORD_LANGUAGES.find((language) => {
    const w = RECORD_WORDS[language];
    return markdown.includes(`**${w.summaryReport}** — ${w.draft}`) || markdown.includes(`**${w.summaryReport}** — ${w.final}`);
  });
}
