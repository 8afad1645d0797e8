/** Interpretation's words in es (./en.ts is the source). */
import type { InterpretationCatalog } from './en.ts';

const es: InterpretationCatalog = {
  heading: 'Interpretación',
  channel: 'Usted interpreta al {language}.',
  noChannel: 'No tiene asignado un canal de idioma: consulte a la secretaría.',
  floor: 'El uso de la palabra',
  floorLanguage: 'Habla en {language}',
  nobody: 'Nadie tiene la palabra.',
  askSlower: 'Más despacio, por favor',
  askSlowerHint: 'La presidencia ve el idioma de su canal, no su nombre.',
  sent: {
    one: 'Enviado a la presidencia. Podrá volver a pedirlo en {count} segundo.',
    many: 'Enviado a la presidencia. Podrá volver a pedirlo en {count} de segundos.',
    other: 'Enviado a la presidencia. Podrá volver a pedirlo en {count} segundos.',
  },
  queue: 'Próximos oradores',
  captions: 'Canales de subtítulos',
  openStatement: 'Abrir la declaración preparada: {file}',
  signalTitle: 'Más despacio: canal {language}',
  signalBody: 'Un intérprete pide al orador que hable más despacio.',
  signalFrom: 'Enviado por {name}; solo usted lo ve.',
  passOn: 'Pedir al orador que hable más despacio',
  passed: 'Se ha pedido al orador que hable más despacio.',
  dismiss: 'Cerrar',
  speakerNotice: 'Los intérpretes le piden que hable más despacio.',
  channelField: 'Canal de idioma',
  channelHint: 'El idioma al que interpreta este intérprete.',
  attach: 'Adjuntar una declaración preparada o diapositivas (PDF o texto, hasta 5 MB)',
  attached: 'Adjunto: {file}. Los intérpretes y subtituladores lo ven cuando usted tiene la palabra.',
  attachFailed: 'No se adjuntó el archivo: {reason}',
  speakIn: 'Hablaré en',
  meetingLanguage: 'el idioma de la reunión ({language})',
};

export default es;
