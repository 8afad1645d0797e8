/**
 * The meeting's people a page at a time (GET /api/meetings/:id/people): the live copy of the
 * meeting holds only one's own roster entry (rule H2 of shared/meeting/SPEC.md).
 */
import type { ParticipantView } from '../../shared/api.ts';
import { ROUTES } from '../../shared/http/route-paths.ts';
import { call } from '../http/api.ts';

export async function peoplePage(meetingId: string, from: number): Promise<{ people: ParticipantView[]; next: number | null }> {
  const page = await call(ROUTES.meetingPeople, { params: { meetingId }, query: { from: String(from) } });
  return { people: page.people, next: page.next };
}

/** Everyone, page after page (the captioner's speaker picker). */
export async function everyone(meetingId: string): Promise<ParticipantView[]> {
  const people: ParticipantView[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const page = await peoplePage(meetingId, from);
    people.push(...page.people);
    from = page.next;
  }
  return people;
}
