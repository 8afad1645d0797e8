/** La page du compte rendu, en français (voir en.ts). Mêmes règles typographiques que ../fr.ts. */
import type { RecordPageCatalog } from './en.ts';

const fr: RecordPageCatalog = {
  heading: 'Compte rendu de la réunion',
  titleWithMeeting: 'Compte rendu\u00a0: {title}',
  dateTimeUtc: '{date}, {time} UTC',
  breadcrumb: {
    setup: 'Configuration',
    meetingPage: 'Page de la réunion',
    record: 'Compte rendu',
  },
  load: {
    loading: 'Chargement du compte rendu…',
    failed: 'Le compte rendu n’a pas pu être chargé.',
    openMeetingPage: 'Ouvrir la page de la réunion',
  },
  notLeading: {
    only: 'Seuls la présidence, les coprésidents et le secrétariat travaillent au compte rendu.',
    whereShared: 'Lorsque le compte rendu est communiqué aux participants, il figure sur la {link}.',
    link: 'page de la réunion',
  },
  noDraft: {
    heading: 'Aucun projet pour le moment',
    text: 'Le projet de résumé est généré à la fin de la réunion. Vous pouvez le générer dès maintenant à partir de la réunion dans son état actuel.',
    generate: 'Générer le projet à partir de la réunion',
  },
  busy: {
    generating: 'Génération…',
    saving: 'Enregistrement…',
    finalising: 'Finalisation…',
  },
  finalNote: {
    title: 'Compte rendu définitif\u00a0: version {version}.',
    by: 'Finalisé par {name} le {date}.',
    readOnly: 'Le compte rendu est en lecture seule.',
  },
  versions: {
    heading: 'Versions',
    columns: {
      version: 'Version',
      made: 'Origine',
      by: 'Auteur',
      when: 'Date',
      open: 'Ouvrir',
    },
    row: 'Version {version}',
    finalBadge: 'Définitive',
    generated: 'Générée à partir de la réunion',
    edited: 'Modifiée',
    editedFrom: 'Modifiée à partir de la version {version}',
    shownBelow: 'Affichée ci-dessous',
    inEditor: 'Dans l’éditeur',
    open: 'Ouvrir',
    show: 'Afficher',
    buttonVersion: 'la version {version}',
  },
  confirm: {
    keepEditing: 'Continuer la modification',
    openMessage:
      'Vos modifications dans l’éditeur ne sont pas enregistrées. Ouvrir quand même la version {version}\u00a0? Vos modifications seront perdues.',
    openButton: 'Ouvrir la version {version}',
    regenerateMessage:
      'Vos modifications dans l’éditeur ne sont pas enregistrées. Régénérer quand même\u00a0? La nouvelle version s’ouvre dans l’éditeur et vos modifications non enregistrées sont perdues (les versions enregistrées sont conservées).',
    regenerateButton: 'Régénérer quand même',
    finaliseMessage:
      'Finaliser la version {version}\u00a0? Le compte rendu passe en lecture seule\u00a0: il ne pourra plus être modifié ni régénéré.',
    finaliseMessageUnsaved:
      'Finaliser la version {version}\u00a0? Le compte rendu passe en lecture seule\u00a0: il ne pourra plus être modifié ni régénéré. Vos modifications non enregistrées ne font pas partie de la version {version}.',
    finaliseButton: 'Oui, finaliser la version {version}',
  },
  shown: {
    heading: 'Version {version}',
    headingFinal: 'Version {version} (définitive)',
  },
  editor: {
    heading: 'Modifier le projet',
    openGenerated: 'La version {version} est ouverte\u00a0: générée à partir de la réunion par {name}.',
    openEdited: 'La version {version} est ouverte\u00a0: modifiée par {name}.',
    openEditedFrom: 'La version {version} est ouverte\u00a0: modifiée à partir de la version {basedOn} par {name}.',
    unsaved: 'Modifications non enregistrées.',
    label: 'Texte du compte rendu',
    hint: 'Markdown\u00a0: # pour les titres, **gras**, *italique*, - pour les listes, [texte](https://…) pour les liens. Le HTML est affiché comme du texte.',
    preview: 'Aperçu',
    save: 'Enregistrer comme nouvelle version',
    regenerate: 'Régénérer à partir de la réunion',
    finalise: 'Finaliser cette version',
    versionsHint:
      'Chaque enregistrement et chaque régénération créent une nouvelle version\u00a0; aucune version n’est jamais modifiée ni supprimée. La régénération établit de nouveau le projet à partir de la réunion dans son état actuel.',
  },
  done: {
    saved: 'Enregistré comme version {version}.',
    generatedFirst: 'Version 1 générée à partir de la réunion.',
    generated: 'Version {version} générée à partir de la réunion. Les versions précédentes sont conservées.',
    showing: 'Affichage de la version {version}.',
    openInEditor: 'La version {version} est ouverte dans l’éditeur.',
  },
  problems: {
    versionNotLoaded: 'La version {version} n’a pas pu être chargée.',
    empty: 'Le compte rendu est vide\u00a0: rédigez un texte avant d’enregistrer.',
    unchanged: 'Rien n’a changé depuis la version {version}.',
    notSaved: 'Le compte rendu n’a pas pu être enregistré. Votre texte est toujours dans l’éditeur\u00a0: réessayez.',
    notGenerated: 'Le compte rendu n’a pas pu être généré. Réessayez.',
    notFinalised: 'Le compte rendu n’a pas pu être finalisé. Réessayez.',
    sharingNotChanged: 'Le partage n’a pas pu être modifié. Réessayez.',
  },
  sharing: {
    heading: 'Partage avec les participants',
    legend: 'Partager le compte rendu avec les participants',
    none: {
      label: 'Non partagé',
      hint: 'Seuls la présidence, les coprésidents et le secrétariat voient le compte rendu.',
    },
    draft: {
      label: 'Partager le projet',
      hint: 'Les participants voient la dernière version sur la page de la réunion, signalée comme projet (le compte rendu définitif dès qu’il existe).',
    },
    final: {
      label: 'Partager le compte rendu définitif',
      hint: 'Les participants voient le compte rendu sur la page de la réunion une fois qu’il est définitif.',
    },
    notYetFinal: 'Rien n’est montré aux participants tant qu’aucune version n’est finalisée.',
    saidNone: 'Le compte rendu n’est plus partagé avec les participants.',
    saidDraft: 'Les participants voient désormais le projet sur la page de la réunion.',
    saidFinal: 'Les participants voient désormais le compte rendu définitif sur la page de la réunion.',
    saidFinalLater: 'Les participants verront le compte rendu une fois qu’il sera définitif.',
  },
  downloads: {
    language: 'Langue du compte rendu',
    languageHint:
      'Les titres, les dates et les graphiques des téléchargements et d’un nouveau projet sont dans cette langue ; le texte rédigé reste tel quel.',
    heading: 'Téléchargements',
    record: 'Compte rendu, version {version}',
    recordFinal: 'Compte rendu, version {version} (définitive)',
    unsaved: 'Les téléchargements portent sur la version enregistrée {version}, sans vos modifications non enregistrées.',
    dataHeading: 'Présence et temps de parole',
    attendance: 'Présence (.csv)',
    speaking: 'Statistiques des interventions (.csv)',
    certificates: 'Attestations de participation (.zip)',
    certificatesHint:
      'Un PDF pour chaque personne ayant participé, dans la langue ci-dessus\u00a0; disponibles une fois la réunion terminée.',
    transcriptHeading: 'Transcription des sous-titres',
    transcript: 'Transcription\u00a0: {format}',
    formats: {
      md: 'Markdown (.md)',
      html: 'Page web (.html)',
      docx: 'Word (.docx)',
      pdf: 'PDF (.pdf)',
      json: 'Données (.json)',
      txt: 'Texte (.txt)',
      vtt: 'Sous-titres WebVTT (.vtt)',
      srt: 'Sous-titres SubRip (.srt)',
    },
  },
};

export default fr;
