/** How long "please speak slower" stays on the chair's and the speaker's screens without being dismissed. */
import type { MeetingState, SlowDownSignal } from '../../../shared/meeting/types.ts';

export const SIGNAL_SHOWN_MS = 30_000;

/** The signal about the speech on the floor, while it is fresh; undefined otherwise. */
export function liveSignal(state: MeetingState, now: number): SlowDownSignal | undefined {
  const signal = state.slowDown;
  if (!signal || state.floor?.id !== signal.speechId) return undefined;
  return now - (signal.passedAt ?? signal.at) < SIGNAL_SHOWN_MS ? signal : undefined;
}
