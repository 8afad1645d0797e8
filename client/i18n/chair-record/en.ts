/**
 * The chair console's record-making panels (client/live/ChairConsensus, ChairDecisions,
 * ChairPositions, ChairSpeechPositions, ChairRecordPosition, ChairRecordLink, ChairWhoField).
 * Same rules as ../en.ts.
 */
import type { CatalogShape } from '../types.ts';

const en = {
  common: {
    /** The label of the choice of what a call, a decision or a position is on. */
    on: 'On',
    item: 'Item',
    /** An agenda item in a list of choices. */
    itemOption: '{number} {title}',
    itemOptionRunning: '{number} {title} (running)',
    agendaEmpty: 'The agenda is empty.',
    stance: 'Stance',
    noteOptional: 'Note (optional)',
    reasonOptional: 'Reason (optional)',
    comment: 'Comment',
    noneRecorded: 'None recorded.',
    remove: 'Remove',
    /** A reason, a note or a title quoted in a sentence. */
    quoted: '“{text}”',
  },
  who: {
    label: 'Who',
    choose: 'Choose…',
    typed: 'Someone not on the roster (type the name)',
    name: 'Name',
    namePlaceholder: 'In the room without a device, or on the phone',
  },
  consensus: {
    heading: 'Consensus call',
    /** {timeUp} is "Time is up", in bold. */
    timeUpClose: '{timeUp}: close the call when the room is done.',
    objections: 'Objections ({count})',
    noneSoFar: 'None so far.',
    enteredBy: 'entered by {name}',
    close: 'Close the call',
    roomHeading: 'Enter an objection raised in the room',
    whoObjects: 'Who objects',
    enterObjection: 'Enter the objection',
    openForm: 'Open a consensus call',
    itemAsWhole: 'Item {number} as a whole',
    question: 'Question',
    secondsToObject: 'Seconds to object',
    open: 'Open the call',
    noneOpen: 'No consensus call is open.',
    earlier: 'Earlier calls',
    chooseTarget: 'Choose what the call is on.',
    secondsRange: 'Give between 5 and 600 seconds.',
    typeObjectorName: 'Type the name of the person who objects.',
    chooseObjector: 'Choose who objects, or type a name.',
    openedAnnounce: 'Consensus call open: {question}',
    closedAnnounce: 'The consensus call is closed.',
    objectionAnnounce: 'Objection from {name} entered.',
    objectionAnnounceUnnamed: 'Objection entered.',
  },
  decisions: {
    heading: 'Decisions and actions',
    decisionsHeading: 'Decisions on item {number}',
    theItem: 'The item',
    recordedBy: 'recorded by {name}',
    removeDecisionWhat: 'the decision “{kind}” on {target}',
    recordForm: 'Record a decision',
    decision: 'Decision',
    textOptional: 'Text (optional)',
    record: 'Record the decision',
    actionsHeading: 'Action items of item {number}',
    /** {date} is the day the action is due by. */
    dueBy: 'by {date}',
    removeActionWhat: 'the action item “{what}”',
    actionForm: 'Add an action item',
    what: 'What',
    who: 'Who',
    byWhen: 'By when (optional)',
    addAction: 'Add the action item',
    whatMissing: 'Say what is to be done.',
    whoMissing: 'Say who will do it.',
    recordedAnnounce: 'Decision recorded: {kind}, on {target}.',
    removedAnnounce: 'Decision removed.',
    actionAddedAnnounce: 'Action item added for {name}.',
    actionRemovedAnnounce: 'Action item removed.',
  },
  positions: {
    heading: 'Proposals and positions',
    toggles: {
      positionNamesVisible: {
        label: 'Participants see names',
        hint: 'Otherwise they see the counts only; this console always shows names.',
      },
      observersMayTakePositions: {
        label: 'Observers may take positions',
        hint: 'Support, object and comment, like members.',
      },
    },
    settingOn: '{setting}: on.',
    settingOff: '{setting}: off.',
    addProposalHeading: 'Add a proposal to item {number}',
    proposalTitle: 'Proposal title',
    addProposal: 'Add the proposal',
    titleMissing: 'Give the proposal a title.',
    proposalAddedAnnounce: 'Proposal added: {title}.',
    removedAnnounce: '{stance} of {name} on {target} removed.',
  },
  recordPosition: {
    heading: 'Record a position for someone',
    submit: 'Record the position',
    typeName: 'Type the name of the person.',
    chooseHolder: 'Choose whose position it is, or type a name.',
    writeComment: 'Write the comment.',
    recordedAnnounce: '{stance} of {name} on {target} recorded.',
    recordedAnnounceUnnamed: '{stance} on {target} recorded.',
  },
  speeches: {
    heading: 'Positions from speeches',
    nobodyYet: 'Nobody has spoken on item {number} yet. A speech can be tagged with the position it expressed (“spoke in support”).',
    speakingNow: 'Speaking now',
    tag: 'Tag position',
    tagWhose: 'expressed by {name} at {time}',
    tagged: 'Tagged: {tags}',
    /** One position tagged from a speech, in the list after "Tagged:". */
    taggedOne: '{stance} on {target}',
    tagSeparator: '; ',
    theItem: 'the item',
    tagForm: 'Tag the position expressed by {name}',
    record: 'Record',
    taggedAnnounce: '{name}: {stance} on {target} recorded from the speech.',
  },
  recordLink: {
    link: 'Meeting record',
    ready: 'The draft summary is ready.',
    open: 'Open the meeting record',
    dismiss: 'Dismiss',
    theNotice: 'the notice',
  },
};

export type ChairRecordCatalog = CatalogShape<typeof en>;
export default en;
