/**
 * The record page's words (client/pages/RecordPage.svelte): the meeting record for the chair,
 * co-chairs and the secretariat — its versions, the editor, finalising, sharing and the
 * downloads. Same rules as ../en.ts: the record's text, names and the server's messages are
 * not in here; "Try again", "Cancel", "Meetings" and the page title's " — EqualFloor" come
 * from the main catalog.
 */
import type { CatalogShape } from '../types.ts';

const en = {
  heading: 'Meeting record',
  /** The browser tab's title when the meeting's title is known. */
  titleWithMeeting: 'Record: {title}',
  /** A moment in UTC, as the record itself writes it: "9 May 2017, 13:05 UTC". */
  dateTimeUtc: '{date}, {time} UTC',
  breadcrumb: {
    setup: 'Set-up',
    meetingPage: 'Meeting page',
    record: 'Record',
  },
  load: {
    loading: 'Loading the record…',
    failed: 'The record could not be loaded.',
    openMeetingPage: 'Open the meeting page',
  },
  notLeading: {
    only: 'Only the chair, co-chairs and the secretariat work on the record.',
    /** {link} is a link whose text is `link`. */
    whereShared: 'When the record is shared with participants, it is on the {link}.',
    link: 'meeting page',
  },
  noDraft: {
    heading: 'No draft yet',
    text: 'The draft summary is generated when the meeting ends. You can generate it now from the meeting as it stands.',
    generate: 'Generate the draft from the meeting',
  },
  busy: {
    generating: 'Generating…',
    saving: 'Saving…',
    finalising: 'Finalising…',
  },
  finalNote: {
    title: 'Final record: version {version}.',
    /** {date} is the date and time in UTC. */
    by: 'Finalised by {name} on {date}.',
    readOnly: 'The record is read-only.',
  },
  versions: {
    heading: 'Versions',
    columns: {
      version: 'Version',
      made: 'Made',
      by: 'By',
      when: 'When',
      /** Hidden: read by screen readers as the last column's header. */
      open: 'Open',
    },
    row: 'Version {version}',
    finalBadge: 'Final',
    generated: 'Generated from the meeting',
    edited: 'Edited',
    editedFrom: 'Edited from version {version}',
    shownBelow: 'Shown below',
    inEditor: 'In the editor',
    /** A button's visible word; followed by `buttonVersion`, heard by screen readers only: "Open version 2". */
    open: 'Open',
    show: 'Show',
    buttonVersion: 'version {version}',
  },
  confirm: {
    keepEditing: 'Keep editing',
    openMessage: 'Your changes in the editor are not saved. Open version {version} anyway? Your changes will be lost.',
    openButton: 'Open version {version}',
    regenerateMessage:
      'Your changes in the editor are not saved. Regenerate anyway? The new version opens in the editor and your unsaved changes are lost (saved versions stay).',
    regenerateButton: 'Regenerate anyway',
    finaliseMessage: 'Finalise version {version}? The record becomes read-only: it can no longer be edited or regenerated.',
    finaliseMessageUnsaved:
      'Finalise version {version}? The record becomes read-only: it can no longer be edited or regenerated. Your unsaved changes are not part of version {version}.',
    finaliseButton: 'Yes, finalise version {version}',
  },
  shown: {
    heading: 'Version {version}',
    headingFinal: 'Version {version} (final)',
  },
  editor: {
    heading: 'Edit the draft',
    openGenerated: 'Version {version} is open: generated from the meeting by {name}.',
    openEdited: 'Version {version} is open: edited by {name}.',
    openEditedFrom: 'Version {version} is open: edited from version {basedOn} by {name}.',
    unsaved: 'Unsaved changes.',
    label: 'Record text',
    hint: 'Edit the record as a document: the toolbar above the text sets headings, numbered paragraphs, lists, tables and links. Alt+F10 goes to the toolbar, the arrow keys move along it, Escape comes back to the text.',
    save: 'Save as new version',
    regenerate: 'Regenerate from the meeting',
    finalise: 'Finalise this version',
    versionsHint:
      'Saving and regenerating each make a new version; no version is ever changed or removed. Regenerating builds the draft again from the meeting as it stands.',
  },
  toolbar: {
    label: 'Formatting',
    paragraph: 'Paragraph',
    heading: 'Heading',
    subheading: 'Subheading',
    bold: 'Bold',
    italic: 'Italic',
    link: 'Link',
    numbered: 'Numbered paragraphs',
    bulleted: 'Bulleted list',
    indent: 'Indent',
    outdent: 'Outdent',
    table: 'Insert table',
    addRow: 'Add row',
    addColumn: 'Add column',
    deleteRow: 'Delete row',
    deleteColumn: 'Delete column',
    deleteTable: 'Delete table',
    undo: 'Undo',
    redo: 'Redo',
    linkAddress: 'Link address',
    linkApply: 'Apply link',
    linkRemove: 'Remove link',
    linkInvalid: 'Give a web address (https://…) or an email address (mailto:…).',
  },
  compare: {
    heading: 'Compare versions',
    older: 'Compare version',
    newer: 'with version',
    show: 'Compare',
    loading: 'Loading the versions…',
    same: 'Choose two different versions.',
    notLoaded: 'The versions could not be loaded. Try again.',
    caption: 'Version {older} and version {newer}, paragraph by paragraph',
    legend: 'Deleted words are struck through, inserted words are underlined.',
    deleted: 'deleted:',
    inserted: 'inserted:',
    unchanged: 'Version {older} and version {newer} read the same.',
    changed: {
      one: 'Version {older} compared with version {newer}: {count} paragraph changed.',
      other: 'Version {older} compared with version {newer}: {count} paragraphs changed.',
    },
    column: 'Version {version}',
    onlyChanges: 'Show only the changed paragraphs',
  },
  done: {
    saved: 'Saved as version {version}.',
    generatedFirst: 'Version 1 generated from the meeting.',
    generated: 'Version {version} generated from the meeting. The earlier versions are kept.',
    showing: 'Showing version {version}.',
    openInEditor: 'Version {version} is open in the editor.',
  },
  problems: {
    versionNotLoaded: 'Version {version} could not be loaded.',
    empty: 'The record is empty: write something before saving.',
    unchanged: 'Nothing has changed since version {version}.',
    notSaved: 'The record could not be saved. Your text is still in the editor: try again.',
    notGenerated: 'The record could not be generated. Try again.',
    notFinalised: 'The record could not be finalised. Try again.',
    sharingNotChanged: 'The sharing could not be changed. Try again.',
  },
  sharing: {
    heading: 'Sharing with participants',
    legend: 'Share the record with participants',
    none: {
      label: 'Not shared',
      hint: 'Only the chair, co-chairs and the secretariat see the record.',
    },
    draft: {
      label: 'Share the draft',
      hint: 'Participants see the latest version on the meeting page, marked as a draft (the final record once there is one).',
    },
    final: {
      label: 'Share the final record',
      hint: 'Participants see the record on the meeting page once it is final.',
    },
    notYetFinal: 'Nothing is shown to participants until a version is finalised.',
    /** Announced to screen readers once the choice is saved. */
    saidNone: 'The record is no longer shared with participants.',
    saidDraft: 'Participants now see the draft on the meeting page.',
    saidFinal: 'Participants now see the final record on the meeting page.',
    saidFinalLater: 'Participants will see the record once it is final.',
  },
  downloads: {
    language: 'Language of the record',
    languageHint:
      'Headings, dates and charts of the downloads and of a new draft are in this language; text people wrote stays as written.',
    heading: 'Downloads',
    record: 'Record, version {version}',
    recordFinal: 'Record, version {version} (final)',
    unsaved: 'Downloads are of the saved version {version}, without your unsaved changes.',
    dataHeading: 'Attendance and speaking',
    attendance: 'Attendance (.csv)',
    speaking: 'Speaking statistics (.csv)',
    certificates: 'Certificates of attendance (.zip)',
    certificatesHint: 'One PDF for each person who took part, in the language above; available once the meeting has ended.',
    transcriptHeading: 'Transcript of the captions',
    /** {format} is one of `formats`: "Transcript: Text (.txt)". */
    transcript: 'Transcript: {format}',
    formats: {
      md: 'Markdown (.md)',
      html: 'Web page (.html)',
      docx: 'Word (.docx)',
      pdf: 'PDF (.pdf)',
      json: 'Data (.json)',
      txt: 'Text (.txt)',
      vtt: 'WebVTT subtitles (.vtt)',
      srt: 'SubRip subtitles (.srt)',
    },
  },
};

export type RecordPageCatalog = CatalogShape<typeof en>;
export default en;
