/** The chat as the secretariat keeps it: CSV for a spreadsheet, text for the archive. */
import type { ChatMessage } from '../../shared/meeting/types.ts';
import { csvCell } from '../meetings/meeting-views.ts';

function utc(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export function chatCsv(messages: readonly ChatMessage[]): string {
  const header = ['time_utc', 'from', 'to', 'message', 'flagged_for_minutes_by'];
  const rows = messages.map((message) => [
    utc(message.at),
    message.fromName,
    message.to === 'everyone' ? 'everyone' : 'secretariat (private)',
    message.text,
    message.flaggedBy ?? '',
  ]);
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function chatText(title: string, messages: readonly ChatMessage[]): string {
  const lines = messages.map(
    (message) =>
      `[${utc(message.at)}] ${message.fromName}${message.to === 'secretariat' ? ' (privately to the secretariat)' : ''}: ${message.text}` +
      (message.flaggedBy ? `  [for the minutes, flagged by ${message.flaggedBy}]` : ''),
  );
  return [`Chat of ${title}`, '', ...lines, ''].join('\n');
}
