/** Interpretation's words in fr (./en.ts is the source). */
import type { InterpretationCatalog } from './en.ts';

const fr: InterpretationCatalog = {
  heading: 'Interprétation',
  channel: 'Vous interprétez vers : {language}.',
  noChannel: 'Aucun canal de langue ne vous est attribué : adressez-vous au secrétariat.',
  floor: 'La parole',
  floorLanguage: 'Parle en {language}',
  nobody: 'Personne n’a la parole.',
  askSlower: 'Plus lentement, s’il vous plaît',
  askSlowerHint: 'La présidence voit la langue de votre canal, pas votre nom.',
  sent: {
    one: 'Envoyé à la présidence. Vous pourrez redemander dans {count} seconde.',
    many: 'Envoyé à la présidence. Vous pourrez redemander dans {count} de secondes.',
    other: 'Envoyé à la présidence. Vous pourrez redemander dans {count} secondes.',
  },
  queue: 'Prochains orateurs',
  captions: 'Canaux de sous-titres',
  openStatement: 'Ouvrir la déclaration préparée : {file}',
  signalTitle: 'Plus lentement : canal {language}',
  signalBody: 'Un interprète demande à l’orateur de ralentir.',
  signalFrom: 'Envoyé par {name} ; vous seul le voyez.',
  passOn: 'Demander à l’orateur de ralentir',
  passed: 'L’orateur a été prié de ralentir.',
  dismiss: 'Fermer',
  speakerNotice: 'Les interprètes vous demandent de parler plus lentement.',
  channelField: 'Canal de langue',
  channelHint: 'La langue vers laquelle cet interprète interprète.',
  attach: 'Joindre une déclaration préparée ou des diapositives (PDF ou texte, 5 Mo au plus)',
  attached: 'Joint : {file}. Les interprètes et les sous-titreurs le voient quand vous avez la parole.',
  attachFailed: 'Le fichier n’a pas été joint : {reason}',
  speakIn: 'Je parlerai en',
  meetingLanguage: 'la langue de la réunion ({language})',
};

export default fr;
