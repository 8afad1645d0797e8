/** The captioner console's words (client/live/CaptionerConsole.svelte). Same rules as ../en.ts. */
import type { CatalogShape } from '../types.ts';

const en = {
  heading: 'Write captions',
  /** {name} is who the captions are attributed to, in bold. */
  goTo: 'Captions go to {name}',
  namedByYou: '(speaker you named)',
  hasFloor: '(has the floor)',
  /** {nobody} is "no named speaker", in bold. */
  nobodyHasFloor: 'Nobody has the floor: captions go to {nobody}.',
  noNamedSpeaker: 'no named speaker',
  writeChannel: 'Channel you write to',
  writeChannelHint: 'End the line under way to change channel.',
  caption: 'Caption',
  /** Enter is the key of the keyboard. */
  hint: {
    one: 'Readers see the words as you type. Enter ends the line. Lines over {count} character end by themselves.',
    other: 'Readers see the words as you type. Enter ends the line. Lines over {count} characters end by themselves.',
  },
  noAnswer: 'The server has not answered yet.',
  keepTyping: 'Keep typing: your lines are kept and sent in order.',
  linesWait: {
    one: 'Keep typing: {count} line waits and will be sent in order.',
    other: 'Keep typing: {count} lines wait and will be sent in order.',
  },
  whoIsSpeaking: 'Who is speaking',
  speaker: 'Speaker',
  whoeverHasFloor: 'Whoever has the floor',
  whoeverHasFloorNamed: 'Whoever has the floor ({name})',
  participants: 'Participants',
  /** A participant who is not a member, with their role: "Ana Lima (chair)". */
  personWithRole: '{name} ({role})',
  typeName: 'Type a name…',
  name: 'Name',
  setSpeaker: 'Set speaker',
  speakerHint: 'The speaker you set holds until the floor changes. Setting one ends the line under way.',
  nameMissing: 'Type the name of the person speaking.',
  forwarding: {
    label: 'Where captions are forwarded',
    kinds: {
      zoom: 'Zoom',
      youtube: 'YouTube',
      generic: 'Other destination',
    },
    withChannel: '{kind} ({channel})',
    sending: '{kind}: {sent} sent · {waiting}',
    failing: '{kind}: {problem} · {waiting}',
    waiting: { one: '{count} waiting', other: '{count} waiting' },
    notStarted: 'the Zoom meeting has not started yet',
    refused: 'the address was refused (the secretariat must paste a new one)',
    timeout: 'no answer in time',
    unreachable: 'cannot be reached',
    failed: 'refused (HTTP {status})',
  },
};

export type CaptionerCatalog = CatalogShape<typeof en>;
export default en;
