/**
 * The record's corrections and approval: the secretariat circulates a draft until a date; each
 * participant on the meeting's roster, signed in with their personal link, proposes corrections
 * to its paragraphs and withdraws their own; the secretariat accepts or declines each and
 * approves the record (then final), also from an agenda item of a later meeting.
 */
import type { ApprovalLink, CorrectionsView, CorrectionView, ParticipantCirculationView } from '../record/record-corrections.ts';
import { ADMITTED_ROLES, LEAD_ROLES, meetingRule, PARTICIPANT_ROLES } from '../access/rules.ts';
import {
  ApproveSchema,
  CirculateSchema,
  CorrectionParams,
  DeclineSchema,
  ItemApprovesSchema,
  ProposeCorrectionSchema,
} from './correction-inputs.ts';
import { ItemParams, MeetingParams, NoFields } from './inputs.ts';
import { CORRECTION_PATHS } from './route-paths.ts';
import { rules, withRules } from './route.ts';

const SECRETARIAT = meetingRule(['secretariat'], 'Only the secretariat circulates the record, decides on corrections and approves it.');
/** People on the roster, signed in with their link; a secretariat account only with an entry of its own. */
const ON_ROSTER = meetingRule(
  PARTICIPANT_ROLES.filter((role) => role !== 'secretariat'),
  'Only participants on the meeting’s roster propose corrections.',
  { secretariat: 'roster' },
);

export const CORRECTION_ROUTES = withRules(CORRECTION_PATHS, {
  /** The circulated draft's numbered paragraphs and the asker's own corrections. */
  circulation: rules<ParticipantCirculationView>()({
    params: MeetingParams,
    access: meetingRule(PARTICIPANT_ROLES, 'The room display does not see the circulated record.'),
  }),
  circulateRecord: rules<{ version: number; until: string }>()({ params: MeetingParams, body: CirculateSchema, access: SECRETARIAT }),
  /** Every correction, who asked it and on which paragraph. */
  corrections: rules<CorrectionsView>()({
    params: MeetingParams,
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat see the proposed corrections.'),
  }),
  proposeCorrection: rules<CorrectionView>()({
    params: MeetingParams,
    body: ProposeCorrectionSchema,
    labels: { body: 'The correction' },
    access: ON_ROSTER,
  }),
  withdrawCorrection: rules<{ withdrawn: true }>()({ params: CorrectionParams, access: ON_ROSTER }),
  acceptCorrection: rules<{ version: number }>()({ params: CorrectionParams, body: NoFields, access: SECRETARIAT }),
  declineCorrection: rules<{ declined: true }>()({ params: CorrectionParams, body: DeclineSchema, access: SECRETARIAT }),
  approveRecord: rules<{ approved: true; version: number }>()({ params: MeetingParams, body: ApproveSchema, access: SECRETARIAT }),
  /** The earlier records this meeting's agenda items approve. */
  approvalLinks: rules<{ links: ApprovalLink[] }>()({
    params: MeetingParams,
    access: meetingRule(ADMITTED_ROLES, 'You are not admitted to this meeting.'),
  }),
  setItemApproves: rules<{ links: ApprovalLink[] }>()({ params: ItemParams, body: ItemApprovesSchema, access: SECRETARIAT }),
});
