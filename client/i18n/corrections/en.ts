/**
 * The words of the record's corrections and approval: circulating a draft, participants'
 * corrections (client/record/ParticipantCorrections.svelte), the secretariat's decisions and
 * approval (client/record/RecordCorrections.svelte), approval items of later meetings (the
 * set-up page and the meeting page). The record's own words (`Approved at …`, `Paragraph 4`)
 * are shared/record/words'; "Cancel" comes from the main catalog.
 */
import type { CatalogShape } from '../types.ts';

const en = {
  /** A moment in UTC: "9 May 2017, 23:59 UTC". */
  dateTimeUtc: '{date}, {time} UTC',
  circulate: {
    heading: 'Corrections by participants',
    intro:
      'Circulate a draft to the meeting’s participants: each of them can propose corrections to its paragraphs through their personal link until the date you set.',
    version: 'Version to circulate',
    versionOption: 'Version {version}',
    until: 'Corrections until (end of the day, UTC)',
    button: 'Circulate for corrections',
    again: 'Circulate again',
    busy: 'Circulating…',
    open: 'Version {version} is circulated for corrections until {until}.',
    closed: 'Corrections closed on {until} (version {version} was circulated).',
    done: 'Version {version} is circulated until {until}.',
    dateNeeded: 'Choose the last day for corrections.',
    failed: 'The draft could not be circulated.',
  },
  list: {
    heading: 'Proposed corrections',
    none: 'No corrections proposed yet.',
    count: { one: '{count} correction waits for a decision.', other: '{count} corrections wait for a decision.' },
    by: 'Proposed by {name}, {when}',
    was: 'As circulated',
    proposed: 'Proposed text',
    note: 'Note:',
    accept: 'Accept',
    decline: 'Decline',
    reason: 'Why it is declined',
    declineButton: 'Decline the correction',
    reasonNeeded: 'Say why the correction is declined.',
    accepted: 'Accepted by {name}: version {version} has the change.',
    declined: 'Declined by {name}: {reason}',
    withdrawn: 'Withdrawn by {name}.',
    doneAccepted: 'Accepted: version {version} has the change.',
    doneDeclined: 'The correction was declined.',
    failed: 'The decision could not be saved.',
  },
  approve: {
    heading: 'Approval',
    intro: 'Approving makes the version open above the final record: after that it can no longer be edited or corrected.',
    button: 'Approve version {version} as final',
    confirm: 'Approve version {version}? The record becomes final and frozen: no more edits or corrections.',
    confirmButton: 'Approve version {version}',
    busy: 'Approving…',
    done: 'Version {version} is approved: the record is final.',
    failed: 'The record could not be approved.',
  },
  participant: {
    heading: 'Corrections to the draft record',
    none: 'The record has not been circulated for corrections.',
    open: 'The draft (version {version}) is circulated for corrections until {until}.',
    closed: 'Corrections closed on {until}.',
    final: 'The record is final: corrections are closed.',
    intro: 'Choose a paragraph and propose its new text. Until the date, you can withdraw what you proposed.',
    paragraphs: 'The circulated draft',
    propose: 'Propose a correction',
    proposeTo: 'Propose a correction to paragraph {number}',
    newText: 'New text of paragraph {number}',
    newTextHint: 'One paragraph, at most {max} characters. Formatting as in the record (Markdown).',
    note: 'Note to the secretariat (optional)',
    send: 'Send the correction',
    sending: 'Sending…',
    sent: 'Your correction to paragraph {number} was sent to the secretariat.',
    unchanged: 'Change the text before sending it.',
    empty: 'Write the new text of the paragraph.',
    tooLong: 'At most {max} characters.',
    blankLines: 'One paragraph only: no blank lines.',
    failed: 'The correction could not be sent.',
    mine: 'Your corrections',
    mineNone: 'You have not proposed any correction.',
    withdraw: 'Withdraw',
    withdrawOf: 'Withdraw your correction to paragraph {number}',
    withdrawnDone: 'Your correction was withdrawn.',
    status: {
      proposed: 'Waiting for the secretariat',
      accepted: 'Accepted',
      declined: 'Declined',
      withdrawn: 'Withdrawn',
    },
    reason: 'Reason: {reason}',
    loading: 'Loading…',
  },
  meeting: {
    invite: 'The draft record is circulated for corrections until {until}.',
    inviteLink: 'Propose corrections',
    approvals: 'Records to approve',
    item: 'Item {number}',
    openRecord: 'Open the record',
    final: 'Final',
    chairHint: 'Closing a consensus call on this item without objection, or recording the decision “Agreed”, approves that record.',
    approveButton: 'Approve this record now',
    approving: 'Approving…',
    approved: 'The record is approved.',
    /** On the later meeting's record page; {meeting} is a link to the earlier record. */
    recordApproves: 'This meeting’s agenda approves the record of {meeting}.',
  },
  setup: {
    heading: 'Approval of the minutes',
    intro:
      'An agenda item can approve the record of an earlier meeting. Choose the meeting for that item; the live meeting links to its record.',
    itemLabel: 'Item {number} approves the record of',
    none: 'No earlier record',
    saved: 'Saved: item {number}.',
    failed: 'The choice could not be saved.',
    noMeetings: 'There are no other meetings yet.',
  },
};

export type CorrectionsCatalog = CatalogShape<typeof en>;
export default en;
