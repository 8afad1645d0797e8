/** The server's state as a client may hold it (shared/meeting/privacy.ts: H1, H2), to compare a replica with. */
import { isLeading } from '../../shared/meeting/permissions.ts';
import { stateFor } from '../../shared/meeting/privacy.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import type { LiveClient } from './live-client.ts';

export function seenBy(client: LiveClient, state: MeetingState): MeetingState {
  const role = client.replica.role;
  return stateFor(state, { leading: role !== undefined && isLeading(role), participantId: client.replica.participantId });
}
