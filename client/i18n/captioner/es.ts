import type { CaptionerCatalog } from './en.ts';

const es: CaptionerCatalog = {
  heading: 'Escribir subtítulos',
  goTo: 'Los subtítulos se atribuyen a {name}',
  namedByYou: '(orador indicado por usted)',
  hasFloor: '(tiene la palabra)',
  nobodyHasFloor: 'Nadie tiene la palabra: los subtítulos se atribuyen a {nobody}.',
  noNamedSpeaker: 'ningún orador identificado',
  writeChannel: 'Canal en el que escribe',
  writeChannelHint: 'Termine la línea en curso para cambiar de canal.',
  caption: 'Subtítulo',
  hint: {
    one: 'Los lectores ven las palabras a medida que escribe. La tecla Intro termina la línea. Las líneas de más de {count} carácter terminan solas.',
    many: 'Los lectores ven las palabras a medida que escribe. La tecla Intro termina la línea. Las líneas de más de {count} de caracteres terminan solas.',
    other:
      'Los lectores ven las palabras a medida que escribe. La tecla Intro termina la línea. Las líneas de más de {count} caracteres terminan solas.',
  },
  noAnswer: 'El servidor aún no ha respondido.',
  keepTyping: 'Siga escribiendo: sus líneas se guardan y se enviarán en orden.',
  linesWait: {
    one: 'Siga escribiendo: {count} línea está en espera y se enviará en orden.',
    many: 'Siga escribiendo: {count} de líneas están en espera y se enviarán en orden.',
    other: 'Siga escribiendo: {count} líneas están en espera y se enviarán en orden.',
  },
  whoIsSpeaking: 'Quién está hablando',
  speaker: 'Orador',
  whoeverHasFloor: 'Quien tenga la palabra',
  whoeverHasFloorNamed: 'Quien tenga la palabra ({name})',
  participants: 'Participantes',
  personWithRole: '{name} ({role})',
  typeName: 'Escribir un nombre…',
  name: 'Nombre',
  setSpeaker: 'Indicar el orador',
  speakerHint: 'El orador indicado se mantiene hasta que se conceda la palabra a otra persona. Al indicarlo, termina la línea en curso.',
  nameMissing: 'Escriba el nombre de la persona que está hablando.',
  forwarding: {
    label: 'Adónde se reenvían los subtítulos',
    kinds: {
      zoom: 'Zoom',
      youtube: 'YouTube',
      generic: 'Otro destino',
    },
    withChannel: '{kind} ({channel})',
    sending: '{kind}: {sent} enviadas · {waiting}',
    failing: '{kind}: {problem} · {waiting}',
    waiting: { one: '{count} en espera', many: '{count} en espera', other: '{count} en espera' },
    notStarted: 'la reunión de Zoom aún no ha empezado',
    refused: 'se rechazó la dirección (la secretaría debe pegar una nueva)',
    timeout: 'sin respuesta a tiempo',
    unreachable: 'inalcanzable',
    failed: 'rechazado (HTTP {status})',
  },
};

export default es;
