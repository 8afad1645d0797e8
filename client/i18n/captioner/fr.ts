import type { CaptionerCatalog } from './en.ts';

const fr: CaptionerCatalog = {
  heading: 'Rédiger les sous-titres',
  goTo: 'Les sous-titres sont attribués à {name}',
  namedByYou: '(intervenant que vous avez indiqué)',
  hasFloor: '(a la parole)',
  nobodyHasFloor: 'Personne n’a la parole\u00a0: les sous-titres sont attribués à {nobody}.',
  noNamedSpeaker: 'aucun intervenant nommé',
  writeChannel: 'Canal où vous écrivez',
  writeChannelHint: 'Terminez la ligne en cours pour changer de canal.',
  caption: 'Sous-titre',
  hint: {
    one: 'Les lecteurs voient les mots au fur et à mesure de la saisie. La touche Entrée termine la ligne. Les lignes de plus de {count}\u00a0caractère se terminent d’elles-mêmes.',
    many: 'Les lecteurs voient les mots au fur et à mesure de la saisie. La touche Entrée termine la ligne. Les lignes de plus de {count}\u00a0de caractères se terminent d’elles-mêmes.',
    other:
      'Les lecteurs voient les mots au fur et à mesure de la saisie. La touche Entrée termine la ligne. Les lignes de plus de {count}\u00a0caractères se terminent d’elles-mêmes.',
  },
  noAnswer: 'Le serveur n’a pas encore répondu.',
  keepTyping: 'Continuez la saisie\u00a0: vos lignes sont conservées et seront envoyées dans l’ordre.',
  linesWait: {
    one: 'Continuez la saisie\u00a0: {count}\u00a0ligne est en attente et sera envoyée dans l’ordre.',
    many: 'Continuez la saisie\u00a0: {count}\u00a0de lignes sont en attente et seront envoyées dans l’ordre.',
    other: 'Continuez la saisie\u00a0: {count}\u00a0lignes sont en attente et seront envoyées dans l’ordre.',
  },
  whoIsSpeaking: 'Qui intervient',
  speaker: 'Intervenant',
  whoeverHasFloor: 'La personne qui a la parole',
  whoeverHasFloorNamed: 'La personne qui a la parole ({name})',
  participants: 'Participants',
  personWithRole: '{name} ({role})',
  typeName: 'Saisir un nom…',
  name: 'Nom',
  setSpeaker: 'Indiquer l’intervenant',
  speakerHint:
    'L’intervenant indiqué le reste jusqu’à ce que la parole soit donnée à quelqu’un d’autre. L’indiquer termine la ligne en cours.',
  nameMissing: 'Saisissez le nom de la personne qui intervient.',
  forwarding: {
    label: 'Où les sous-titres sont transmis',
    kinds: {
      zoom: 'Zoom',
      youtube: 'YouTube',
      generic: 'Autre destination',
    },
    withChannel: '{kind} ({channel})',
    sending: '{kind}\u00a0: {sent} envoyées · {waiting}',
    failing: '{kind}\u00a0: {problem} · {waiting}',
    waiting: { one: '{count} en attente', many: '{count} en attente', other: '{count} en attente' },
    notStarted: "la réunion Zoom n'a pas encore commencé",
    refused: "l'adresse a été refusée (le secrétariat doit en coller une nouvelle)",
    timeout: 'pas de réponse à temps',
    unreachable: 'injoignable',
    failed: 'refusé (HTTP {status})',
  },
};

export default fr;
