/** Interpretation's words: the interpreter's screen, "please speak slower" for the chair and the speaker, prepared statements, the channel field. Same rules as ../en.ts. */
import type { CatalogShape } from '../types.ts';

const en = {
  heading: 'Interpretation',
  /** {language} is the channel's language, in bold. */
  channel: 'You interpret into {language}.',
  noChannel: 'No language channel is set for you: ask the secretariat.',
  floor: 'The floor',
  /** {language} is the language the speaker speaks in. */
  floorLanguage: 'Speaking in {language}',
  nobody: 'Nobody has the floor.',
  askSlower: 'Please speak slower',
  askSlowerHint: 'The chair sees your channel’s language, not your name.',
  sent: {
    one: 'Sent to the chair. You can ask again in {count} second.',
    other: 'Sent to the chair. You can ask again in {count} seconds.',
  },
  queue: 'Next speakers',
  captions: 'Caption channels',
  /** {file} is the file's name. */
  openStatement: 'Open the prepared statement: {file}',
  /** Shown on the chair's screen; {language} is the channel's language. */
  signalTitle: 'Slower, please: {language} channel',
  signalBody: 'An interpreter asks the speaker to slow down.',
  /** {name} is the interpreter, seen by the chair only. */
  signalFrom: 'Sent by {name}; only you see who.',
  passOn: 'Ask the speaker to slow down',
  passed: 'The speaker has been asked.',
  dismiss: 'Dismiss',
  /** Shown to the speaker alone. */
  speakerNotice: 'The interpreters ask you to speak more slowly.',
  channelField: 'Language channel',
  channelHint: 'The language this interpreter interprets into.',
  attach: 'Attach a prepared statement or slides (PDF or text, up to 5 MB)',
  /** {file} is the file's name. */
  attached: 'Attached: {file}. The interpreters and captioners see it when you have the floor.',
  attachFailed: 'The file was not attached: {reason}',
  /** The language of one's own speech. */
  speakIn: 'I will speak in',
  /** {language} is the meeting's language. */
  meetingLanguage: 'the meeting’s language ({language})',
};

export type InterpretationCatalog = CatalogShape<typeof en>;
export default en;
