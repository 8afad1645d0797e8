/**
 * The meeting's rules (shared/meeting/rules, shared/access) and the live server refuse
 * commands in English. These are the same refusals said in the interface's language,
 * recognised by their wording; a refusal not known here is shown as it is.
 * test/unit/refusal-text.test.ts fails when a rule's wording changes without this file following.
 */
import { ITEM_STATUSES, type ItemStatus } from '../../shared/meeting/types.ts';
import type { MessagePath } from '../i18n/types.ts';
import type { en } from '../i18n/en.ts';
import { t } from '../i18n/i18n.svelte.ts';

type RefusalKey = Extract<MessagePath<typeof en>, `refusals.${string}`> extends `refusals.${infer K}` ? K : never;

const EXACT: Record<string, RefusalKey> = {
  'Your role in this meeting does not allow that.': 'notAllowed',
  'You are not admitted to this meeting.': 'notAdmitted',
  'You are no longer admitted to this meeting.': 'noLongerAdmitted',
  'Enter the meeting first.': 'enterFirst',
  'This connection only streams captions.': 'captionsOnly',
  'This meeting no longer exists.': 'meetingGone',
  'The meeting has ended.': 'meetingEnded',
  'The meeting has not been opened yet.': 'meetingNotOpened',
  'The meeting is already open.': 'meetingAlreadyOpen',
  'The meeting set-up could not be loaded.': 'setupNotLoaded',
  'The meeting is changing too fast right now; please try again.': 'changingTooFast',
  'The meeting could not be reached right now; please try again.': 'ownerUnreachable',
  'No setting was given.': 'noSetting',
  'You can only say where you yourself are.': 'ownLocationOnly',
  'That person is not on the roster.': 'notOnRoster',
  'That agenda item does not exist.': 'itemMissing',
  'No agenda item is running: the queue opens when the chair starts one.': 'noItemRunning',
  'Name the presenter.': 'namePresenter',
  'That presentation is not on the agenda.': 'presentationMissing',
  'You can only end your own speech.': 'ownSpeechOnly',
  'The timer is already paused.': 'timerPaused',
  'The timer is not paused.': 'timerNotPaused',
  'This speech has no time limit to extend.': 'noTimeLimit',
  'That speech is not in the record.': 'speechMissing',
  'That speech has already ended.': 'speechEnded',
  'That request to speak is no longer in the queue.': 'requestGone',
  'That is not your request to speak.': 'notYourRequest',
  'Only people on the roster can raise a hand.': 'rosterOnlyHands',
  'Observers may not ask for the floor in this meeting.': 'observersNoFloor',
  'Give the name of the person to add.': 'giveName',
  'You are already the last of your kind of request.': 'lastOfKind',
  'The queue is already closed.': 'queueAlreadyClosed',
  'The queue is already open.': 'queueAlreadyOpen',
  'The queue is already empty.': 'queueAlreadyEmpty',
  'The queue is closed; only a point of order can be raised.': 'queueClosed',
  'You are already in the queue.': 'youAlreadyQueued',
  'The secretariat has muted you in the chat.': 'chatMuted',
  'That message does not exist.': 'messageMissing',
  'Already flagged.': 'alreadyFlagged',
  'Not flagged.': 'notFlagged',
  'Already muted.': 'alreadyMuted',
  'Not muted.': 'notMuted',
  'There is no comment to withdraw.': 'noComment',
  'There is no position to withdraw.': 'noPosition',
  'A consensus call is already open: close it first.': 'callOpen',
  'The time to object has run out.': 'objectionTimeUp',
  'There is no such objection to withdraw.': 'noSuchObjection',
  'That decision is not recorded.': 'decisionMissing',
  'That action item is not recorded.': 'actionMissing',
  'That proposal is not on this item.': 'proposalMissing',
  'That consensus call does not exist.': 'callMissing',
  'This consensus call has closed.': 'callClosed',
  'Only people on the roster take positions.': 'rosterOnlyPositions',
  'Only the chair and the secretariat record positions for others.': 'leadsRecordForOthers',
  'Observers may not take positions in this meeting.': 'observersNoPositions',
  'The captioner does not take positions.': 'captionerNoPositions',
  'Only the captioner writes captions.': 'onlyCaptioner',
  'Captions are arriving too fast; slow down.': 'captionsTooFast',
  'This caption URL is no longer valid: ask the secretariat for the current one.': 'captionUrlEnded',
  'The clock is asked too often; wait a moment.': 'clockTooOften',
  'Too many requests for the meeting on this connection; wait a few seconds.': 'readsTooFast',
  'Too many requests for the meeting from your connections; wait a few seconds.': 'readsTooFastAll',
  'Too many commands at once; wait a moment.': 'commandsTooFast',
  'You raised your hand too often; wait a minute.': 'handsTooOften',
  'You are posting too fast; wait a few seconds.': 'chatTooFast',
  'Too many positions in a minute; wait a moment.': 'positionsTooFast',
  // Interpretation (shared/meeting/rules).
  'You can only set the language of your own speech.': 'ownLanguageOnly',
  'Only interpreters with a language channel ask the speaker to slow down.': 'slowerNeedsChannel',
  'Nobody has the floor.': 'nobodySpeaking',
  'The speaker has already been asked.': 'speakerAsked',
  'That signal has already been dismissed.': 'signalDismissed',
  'Interpreters do not take positions.': 'interpretersNoPositions',
  'Only interpreters ask the speaker to slow down.': 'onlyInterpretersSlower',
  // Why a session or a meeting's access ended (server/meetings, server/auth): said inside "{title}: {reason}."
  'signed out': 'signedOut',
  'removed from the meeting': 'removed',
  'your role in the meeting changed': 'roleChanged',
  'join link re-issued': 'linkReissued',
  'join link revoked': 'linkRevoked',
  'the meeting was deleted': 'meetingDeleted',
  'the caption link was replaced': 'captionLinkReplaced',
  'the room display link was replaced': 'displayReplaced',
  'the observer link was switched off': 'observerOff',
  'your account was disabled': 'accountDisabled',
  'your account’s role changed': 'accountRoleChanged',
  'Not signed in: open your join link or sign in again.': 'notSignedIn',
  'The server could not check your session. Try again shortly.': 'sessionUnchecked',
  'The server closed the connection. Reload the page to try again.': 'serverClosed',
  'Too many refused caption connections from this address. Check the caption token and try again later.': 'captionConnectionsRefused',
};

const isStatus = (text: string): text is ItemStatus => (ITEM_STATUSES as readonly string[]).includes(text);

type Rule = [RegExp, (match: RegExpExecArray) => string | undefined];

const PATTERNS: Rule[] = [
  [/^Item (.+) is already running\.$/, (m) => t('refusals.itemRunning', { number: m[1]! })],
  [/^Item (.+) is closed: positions can no longer change\.$/, (m) => t('refusals.itemClosed', { number: m[1]! })],
  [
    /^Item (.+) is already (\w+)\.$/,
    (m) => (isStatus(m[2]!) ? t('refusals.itemAlreadyStatus', { number: m[1]!, status: t(`labels.itemStatuses.${m[2]}`) }) : undefined),
  ],
  [
    /^(\d+) (?:person is|people are) still in the queue of this item\. Move on anyway\?$/,
    (m) => t('refusals.stillQueued', { count: Number(m[1]) }),
  ],
  [/^(.+) is already in the queue\.$/s, (m) => t('refusals.alreadyQueued', { name: m[1]! })],
];

/** A refusal in the interface's language. */
export function refusalText(message: string): string {
  // Said by the server when the page is older than it (server/live/live-socket.ts).
  if (message === 'EqualFloor was updated since this page was loaded. Reload the page to continue.') return t('common.clientOutdated');
  const key = EXACT[message];
  if (key !== undefined) return t(`refusals.${key}`);
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(message);
    const said = match && say(match);
    if (said) return said;
  }
  return message;
}
