/**
 * The record's corrections and approval on the HTTP API (shared/http/correction-routes.ts):
 * circulating a draft until a date, participants' corrections to its paragraphs, the
 * secretariat's decisions on them, approving the record, and agenda items of later meetings
 * that approve it.
 */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/http/routes.ts';
import type { AppContext } from '../context.ts';
import { forbidden, HttpError, notFound } from '../http/errors.ts';
import { route } from '../http/route.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import type { ApprovalView, CirculationView, CorrectionView } from '../../shared/record/record-corrections.ts';
import { CORRECTIONS_PER_PERSON_MAX } from '../../shared/record/record-corrections.ts';
import { findParagraph, paragraphsOf, withParagraph } from '../../shared/record/record-paragraphs.ts';
import * as correctionStore from './correction-store.ts';
import { approveRecord, itemApproves } from './record-approval.ts';
import * as store from './record-store.ts';

const FINAL = 'The record is final: it takes no more edits or corrections.';

export function registerCorrectionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  async function meetingOf(meetingId: string) {
    const meeting = await meetingStore.findMeeting(db, meetingId);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }
  async function notFinal(meetingId: string) {
    const meeting = await meetingOf(meetingId);
    if (meeting.recordFinalisedAt) throw new HttpError(409, FINAL);
    return meeting;
  }

  function circulationView(row: correctionStore.CirculationRow | undefined, final: boolean): CirculationView | null {
    if (!row) return null;
    return {
      version: row.version,
      until: row.until.toISOString(),
      circulatedAt: row.circulatedAt.toISOString(),
      circulatedBy: row.circulatedBy,
      open: !final && row.until.getTime() > Date.now(),
    };
  }

  async function approvalOf(meeting: meetingStore.MeetingRow): Promise<ApprovalView | null> {
    if (!meeting.recordFinalisedAt || !meeting.recordApprovedInMeetingId) return null;
    const later = await meetingStore.findMeeting(db, meeting.recordApprovedInMeetingId);
    if (!later) return null;
    return { meetingId: later.id, title: later.title, at: meeting.recordFinalisedAt.toISOString() };
  }

  /** Corrections are taken while the circulation runs and the record is not final; 409 otherwise. */
  async function openCirculation(meetingId: string) {
    const meeting = await meetingOf(meetingId);
    if (meeting.recordFinalisedAt) throw new HttpError(409, 'The record is final: corrections are closed.');
    const circulation = await correctionStore.findCirculation(db, meetingId);
    if (!circulation) throw new HttpError(409, 'The record has not been circulated for corrections.');
    if (circulation.until.getTime() <= Date.now()) {
      throw new HttpError(409, `Corrections closed on ${circulation.until.toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
    }
    return circulation;
  }

  route(app, ctx, ROUTES.circulation, async ({ access: found }) => {
    const meeting = await meetingOf(found.meetingId);
    const final = meeting.recordFinalisedAt !== null;
    const row = await correctionStore.findCirculation(db, found.meetingId);
    const circulated = row && (await store.findVersion(db, found.meetingId, row.version));
    const mine = found.participantId === null ? [] : await correctionStore.listCorrections(db, found.meetingId, found.participantId);
    return {
      circulation: circulationView(row, final),
      paragraphs: circulated ? paragraphsOf(circulated.markdown) : [],
      mine: mine.map(correctionView),
      final,
      approvedAt: await approvalOf(meeting),
    };
  });

  route(app, ctx, ROUTES.circulateRecord, async ({ access: found, body: { version, until } }) => {
    await notFinal(found.meetingId);
    if (!(await store.findVersion(db, found.meetingId, version))) throw new HttpError(400, `There is no version ${version}.`);
    if (until.getTime() <= Date.now()) {
      throw new HttpError(400, 'The date for corrections must be in the future.', [{ where: 'until', message: 'must be in the future' }]);
    }
    const row = await correctionStore.circulate(db, found.meetingId, { version, until, by: found.name });
    return { version: row.version, until: row.until.toISOString() };
  });

  route(app, ctx, ROUTES.corrections, async ({ access: found }) => {
    const meeting = await meetingOf(found.meetingId);
    const row = await correctionStore.findCirculation(db, found.meetingId);
    const corrections = await correctionStore.listCorrections(db, found.meetingId);
    return {
      circulation: circulationView(row, meeting.recordFinalisedAt !== null),
      corrections: corrections.map(correctionView),
      approvedAt: await approvalOf(meeting),
    };
  });

  route(app, ctx, ROUTES.proposeCorrection, async ({ access: found, body: { paragraph, text, note }, reply }) => {
    // The `roster` condition: a secretariat account proposes only with a roster entry of its own.
    if (found.participantId === null) throw forbidden(ROUTES.proposeCorrection.access.refusal);
    const circulation = await openCirculation(found.meetingId);
    const circulated = await store.findVersion(db, found.meetingId, circulation.version);
    const paragraphs = circulated ? paragraphsOf(circulated.markdown) : [];
    const original = paragraphs[paragraph - 1];
    if (original === undefined) {
      throw new HttpError(400, `The circulated draft has no paragraph ${paragraph}.`, [
        { where: 'paragraph', message: `must be between 1 and ${paragraphs.length}` },
      ]);
    }
    if (original === text) {
      throw new HttpError(400, 'The correction is the paragraph as it stands: change its text.', [
        { where: 'text', message: 'must differ from the paragraph as circulated' },
      ]);
    }
    if ((await correctionStore.countOpenCorrections(db, found.meetingId, found.participantId)) >= CORRECTIONS_PER_PERSON_MAX) {
      throw new HttpError(409, `You have ${CORRECTIONS_PER_PERSON_MAX} corrections already: withdraw one to propose another.`);
    }
    const row = await correctionStore.addCorrection(db, found.meetingId, {
      version: circulation.version,
      paragraph,
      original,
      text,
      note,
      participantId: found.participantId,
      name: found.name,
    });
    reply.code(201);
    return correctionView(row);
  });

  route(app, ctx, ROUTES.withdrawCorrection, async ({ access: found, params: { correctionId } }) => {
    const row = await correctionStore.findCorrection(db, found.meetingId, correctionId);
    // Only one's own: another person's correction is not found.
    if (!row || found.participantId === null || row.participantId !== found.participantId) throw notFound('Correction');
    await openCirculation(found.meetingId);
    if (!(await correctionStore.decide(db, found.meetingId, correctionId, { status: 'withdrawn' }))) {
      throw new HttpError(409, 'Only a correction not yet decided on can be withdrawn.');
    }
    return { withdrawn: true as const };
  });

  route(app, ctx, ROUTES.acceptCorrection, async ({ access: found, params: { correctionId }, reply }) => {
    await notFinal(found.meetingId);
    const row = await correctionStore.findCorrection(db, found.meetingId, correctionId);
    if (!row) throw notFound('Correction');
    if (row.status !== 'proposed') throw new HttpError(409, `This correction was ${row.status} already.`);
    const latest = await store.findVersion(db, found.meetingId);
    const at = latest && findParagraph(latest.markdown, row.paragraph, row.original);
    const markdown = latest && at !== undefined ? withParagraph(latest.markdown, at, row.text) : undefined;
    if (!latest || markdown === undefined) {
      throw new HttpError(
        409,
        `Paragraph ${row.paragraph} has changed since it was circulated: edit the record by hand, or decline the correction.`,
      );
    }
    const version = await store.addVersion(db, found.meetingId, {
      source: 'edited',
      markdown,
      basedOn: latest.version,
      createdBy: found.name,
    });
    if (
      !(await correctionStore.decide(db, found.meetingId, correctionId, {
        status: 'accepted',
        by: found.name,
        appliedVersion: version.version,
      }))
    ) {
      throw new HttpError(409, 'This correction was decided on or withdrawn in the meantime.');
    }
    reply.code(201);
    return { version: version.version };
  });

  route(app, ctx, ROUTES.declineCorrection, async ({ access: found, params: { correctionId }, body: { reason } }) => {
    await notFinal(found.meetingId);
    const row = await correctionStore.findCorrection(db, found.meetingId, correctionId);
    if (!row) throw notFound('Correction');
    if (!(await correctionStore.decide(db, found.meetingId, correctionId, { status: 'declined', by: found.name, reason }))) {
      throw new HttpError(409, `This correction was ${row.status} already.`);
    }
    return { declined: true as const };
  });

  route(app, ctx, ROUTES.approveRecord, async ({ access: found, body: { version, at } }) => {
    await notFinal(found.meetingId);
    if (at && !(await itemApproves(db, at.meetingId, at.itemId, found.meetingId))) {
      throw new HttpError(400, 'That agenda item does not approve this meeting’s record.', [
        { where: 'at', message: 'must approve this record' },
      ]);
    }
    const approved = await approveRecord(db, found.meetingId, {
      ...(version !== undefined && { version }),
      by: found.name,
      ...(at && { at }),
    });
    return { approved: true as const, version: approved };
  });

  async function links(meetingId: string) {
    const items = await correctionStore.listApprovalItems(db, meetingId);
    return {
      links: items.map((item) => ({
        itemId: item.itemId,
        itemNumber: item.itemNumber,
        meetingId: item.meetingId,
        title: item.title,
        startsAt: item.startsAt.toISOString(),
        finalised: item.finalisedAt !== null,
      })),
    };
  }

  route(app, ctx, ROUTES.approvalLinks, async ({ access: found }) => links(found.meetingId));

  route(app, ctx, ROUTES.setItemApproves, async ({ access: found, params: { itemId }, body: { meetingId } }) => {
    if (meetingId !== null) {
      if (meetingId === found.meetingId) {
        throw new HttpError(400, 'An item cannot approve its own meeting’s record.', [
          { where: 'meetingId', message: 'must be another meeting' },
        ]);
      }
      if (!(await meetingStore.findMeeting(db, meetingId))) {
        throw new HttpError(400, 'There is no such meeting.', [{ where: 'meetingId', message: 'must be a meeting' }]);
      }
    }
    if (!(await correctionStore.setItemApproves(db, found.meetingId, itemId, meetingId))) throw notFound('Agenda item');
    return links(found.meetingId);
  });
}

function correctionView(row: correctionStore.CorrectionRow): CorrectionView {
  return {
    id: row.id,
    version: row.version,
    paragraph: row.paragraph,
    original: row.original,
    text: row.text,
    note: row.note,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
    appliedVersion: row.appliedVersion,
  };
}
