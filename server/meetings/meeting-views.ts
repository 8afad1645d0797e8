/** Database rows to the API's answer shapes (shared/api.ts). */
import { isUnLanguage } from '../../shared/caption-channels.ts';
import type { AgendaItemView, MeetingSetupView, MeetingSummary, ParticipantView, RosterEntryView } from '../../shared/api.ts';
import type { MeetingRole, Region, StakeholderGroup } from '../../shared/domain.ts';
import type { AgendaItemRow, MeetingRow, RosterRow } from './meeting-store.ts';
import { meetingChannels, roomChannels } from '../../shared/caption-channels.ts';
import { channelCaptionToken } from '../captions/caption-store.ts';

export const joinPath = (token: string) => `/join/${token}`;
export const displayPath = (token: string) => `/display/${token}`;
export const observePath = (token: string) => `/observe/${token}`;
export const roomPath = (code: string) => `/r/${code}`;
export const captionPath = (meetingId: string, token: string) => `/api/captions/${meetingId}?token=${token}`;

export function meetingSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    startsAt: row.startsAt.toISOString(),
    timeZone: row.timeZone,
    plannedMinutes: row.plannedMinutes,
    captionChannels: meetingChannels(row.captionLanguages),
    roomCaptionChannels: roomChannels(row.roomCaptionChannels, row.captionLanguages),
  };
}

export function agendaItemView(row: AgendaItemRow): AgendaItemView {
  return {
    id: row.id,
    number: row.number,
    depth: row.depth === 1 ? 1 : 0,
    title: row.title,
    minutes: row.minutes,
    proposals: row.proposals.map(({ id, title, proposers, text }) => ({ id, title, proposers, text })),
  };
}

/** A roster row as the meeting shows a person; the database holds only values its schemas let in. */
export function participantView(row: RosterRow): ParticipantView {
  return {
    id: row.id,
    name: row.name,
    affiliation: row.affiliation,
    stakeholderGroup: row.stakeholderGroup as StakeholderGroup | null,
    region: row.region as Region | null,
    role: row.role as MeetingRole,
    ...(row.role === 'interpreter' && isUnLanguage(row.channel) ? { channel: row.channel } : {}),
  };
}

export function rosterEntryView(row: RosterRow, publicUrl: string): RosterEntryView {
  return {
    ...participantView(row),
    email: row.email,
    category: row.category,
    joinUrl: row.joinToken ? publicUrl + joinPath(row.joinToken) : null,
    personalCode: row.personalCode,
  };
}

export function meetingSetupView(meeting: MeetingRow, agenda: AgendaItemRow[], roster: RosterRow[], publicUrl: string): MeetingSetupView {
  return {
    meeting: meetingSummary(meeting),
    agenda: agenda.map(agendaItemView),
    roster: roster.map((row) => rosterEntryView(row, publicUrl)),
    observerUrl: meeting.observerToken ? publicUrl + observePath(meeting.observerToken) : null,
    displayUrl: publicUrl + displayPath(meeting.displayToken),
    roomUrl: meeting.roomCode ? publicUrl + roomPath(meeting.roomCode) : null,
    captionUrl: meeting.captionToken ? publicUrl + captionPath(meeting.id, meeting.captionToken) : null,
    captionUrls: meetingChannels(meeting.captionLanguages).flatMap((channel) =>
      meeting.captionToken
        ? [{ channel, url: publicUrl + captionPath(meeting.id, channelCaptionToken(meeting.captionToken, channel)) }]
        : [],
    ),
  };
}

/** Join links as CSV for a mail merge: one row per roster entry. */
export function joinLinksCsv(roster: RosterRow[], publicUrl: string): string {
  const header = ['name', 'email', 'affiliation', 'role', 'join_link', 'personal_code'];
  const rows = roster.map((row) => [
    row.name,
    row.email,
    row.affiliation,
    row.role,
    row.joinToken ? publicUrl + joinPath(row.joinToken) : '',
    row.personalCode ?? '',
  ]);
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a CSV cell and defuses spreadsheet formulas (=, +, -, @ at the start). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
