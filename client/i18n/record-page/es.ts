/** La página del acta, en español (véase en.ts). Mismo registro que ../es.ts. */
import type { RecordPageCatalog } from './en.ts';

const es: RecordPageCatalog = {
  heading: 'Acta de la reunión',
  titleWithMeeting: 'Acta: {title}',
  dateTimeUtc: '{date}, {time} UTC',
  breadcrumb: {
    setup: 'Configuración',
    meetingPage: 'Página de la reunión',
    record: 'Acta',
  },
  load: {
    loading: 'Cargando el acta…',
    failed: 'No se pudo cargar el acta.',
    openMeetingPage: 'Abrir la página de la reunión',
  },
  notLeading: {
    only: 'Solo la Presidencia, las copresidencias y la Secretaría trabajan en el acta.',
    whereShared: 'Cuando el acta se comparte con los participantes, figura en la {link}.',
    link: 'página de la reunión',
  },
  noDraft: {
    heading: 'Todavía no hay proyecto',
    text: 'El proyecto de resumen se genera al finalizar la reunión. Puede generarlo ahora a partir de la reunión en su estado actual.',
    generate: 'Generar el proyecto a partir de la reunión',
  },
  busy: {
    generating: 'Generando…',
    saving: 'Guardando…',
    finalising: 'Finalizando…',
  },
  finalNote: {
    title: 'Acta definitiva: versión {version}.',
    by: 'Finalizada por {name} el {date}.',
    readOnly: 'El acta es de solo lectura.',
  },
  versions: {
    heading: 'Versiones',
    columns: {
      version: 'Versión',
      made: 'Origen',
      by: 'Autor',
      when: 'Fecha',
      open: 'Abrir',
    },
    row: 'Versión {version}',
    finalBadge: 'Definitiva',
    generated: 'Generada a partir de la reunión',
    edited: 'Editada',
    editedFrom: 'Editada a partir de la versión {version}',
    shownBelow: 'Se muestra abajo',
    inEditor: 'En el editor',
    open: 'Abrir',
    show: 'Mostrar',
    buttonVersion: 'la versión {version}',
  },
  confirm: {
    keepEditing: 'Seguir editando',
    openMessage: 'Sus cambios en el editor no se han guardado. ¿Abrir de todos modos la versión {version}? Se perderán sus cambios.',
    openButton: 'Abrir la versión {version}',
    regenerateMessage:
      'Sus cambios en el editor no se han guardado. ¿Regenerar de todos modos? La nueva versión se abre en el editor y se pierden los cambios no guardados (las versiones guardadas se conservan).',
    regenerateButton: 'Regenerar de todos modos',
    finaliseMessage: '¿Finalizar la versión {version}? El acta pasa a ser de solo lectura: ya no podrá editarse ni regenerarse.',
    finaliseMessageUnsaved:
      '¿Finalizar la versión {version}? El acta pasa a ser de solo lectura: ya no podrá editarse ni regenerarse. Sus cambios no guardados no forman parte de la versión {version}.',
    finaliseButton: 'Sí, finalizar la versión {version}',
  },
  shown: {
    heading: 'Versión {version}',
    headingFinal: 'Versión {version} (definitiva)',
  },
  editor: {
    heading: 'Editar el proyecto',
    openGenerated: 'La versión {version} está abierta: generada a partir de la reunión por {name}.',
    openEdited: 'La versión {version} está abierta: editada por {name}.',
    openEditedFrom: 'La versión {version} está abierta: editada a partir de la versión {basedOn} por {name}.',
    unsaved: 'Cambios sin guardar.',
    label: 'Texto del acta',
    hint: 'Markdown: # para los títulos, **negrita**, *cursiva*, - para las listas, [texto](https://…) para los enlaces. El HTML se muestra como texto.',
    preview: 'Vista previa',
    save: 'Guardar como nueva versión',
    regenerate: 'Regenerar a partir de la reunión',
    finalise: 'Finalizar esta versión',
    versionsHint:
      'Cada vez que se guarda o se regenera se crea una nueva versión; ninguna versión se modifica ni se elimina nunca. Al regenerar, el proyecto se vuelve a elaborar a partir de la reunión en su estado actual.',
  },
  done: {
    saved: 'Guardada como versión {version}.',
    generatedFirst: 'Versión 1 generada a partir de la reunión.',
    generated: 'Versión {version} generada a partir de la reunión. Se conservan las versiones anteriores.',
    showing: 'Se muestra la versión {version}.',
    openInEditor: 'La versión {version} está abierta en el editor.',
  },
  problems: {
    versionNotLoaded: 'No se pudo cargar la versión {version}.',
    empty: 'El acta está vacía: escriba algo antes de guardar.',
    unchanged: 'No ha cambiado nada desde la versión {version}.',
    notSaved: 'No se pudo guardar el acta. Su texto sigue en el editor: inténtelo de nuevo.',
    notGenerated: 'No se pudo generar el acta. Inténtelo de nuevo.',
    notFinalised: 'No se pudo finalizar el acta. Inténtelo de nuevo.',
    sharingNotChanged: 'No se pudo cambiar la opción de compartir. Inténtelo de nuevo.',
  },
  sharing: {
    heading: 'Compartir con los participantes',
    legend: 'Compartir el acta con los participantes',
    none: {
      label: 'Sin compartir',
      hint: 'Solo la Presidencia, las copresidencias y la Secretaría ven el acta.',
    },
    draft: {
      label: 'Compartir el proyecto',
      hint: 'Los participantes ven la última versión en la página de la reunión, marcada como proyecto (el acta definitiva cuando la haya).',
    },
    final: {
      label: 'Compartir el acta definitiva',
      hint: 'Los participantes ven el acta en la página de la reunión cuando es definitiva.',
    },
    notYetFinal: 'No se muestra nada a los participantes hasta que se finalice una versión.',
    saidNone: 'El acta ya no se comparte con los participantes.',
    saidDraft: 'Los participantes ven ahora el proyecto en la página de la reunión.',
    saidFinal: 'Los participantes ven ahora el acta definitiva en la página de la reunión.',
    saidFinalLater: 'Los participantes verán el acta cuando sea definitiva.',
  },
  downloads: {
    language: 'Idioma del acta',
    languageHint:
      'Los encabezados, las fechas y los gráficos de las descargas y de un nuevo borrador están en este idioma; el texto redactado se mantiene tal como se escribió.',
    heading: 'Descargas',
    record: 'Acta, versión {version}',
    recordFinal: 'Acta, versión {version} (definitiva)',
    unsaved: 'Las descargas corresponden a la versión guardada {version}, sin sus cambios no guardados.',
    dataHeading: 'Asistencia e intervenciones',
    attendance: 'Asistencia (.csv)',
    speaking: 'Estadísticas de intervenciones (.csv)',
    certificates: 'Certificados de asistencia (.zip)',
    certificatesHint: 'Un PDF por cada persona que participó, en el idioma indicado arriba; disponibles cuando termine la reunión.',
    transcriptHeading: 'Transcripción de los subtítulos',
    transcript: 'Transcripción: {format}',
    formats: {
      md: 'Markdown (.md)',
      html: 'Página web (.html)',
      docx: 'Word (.docx)',
      pdf: 'PDF (.pdf)',
      json: 'Datos (.json)',
      txt: 'Texto (.txt)',
      vtt: 'Subtítulos WebVTT (.vtt)',
      srt: 'Subtítulos SubRip (.srt)',
    },
  },
};

export default es;
