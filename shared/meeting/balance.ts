/**
 * Who has had the floor, measured: speaking turns and speaking time by where people take
 * part from and by stakeholder group, for one item or the whole meeting. The chair console
 * shows it live; the record reports it. What nobody stated (where someone was, their group,
 * their region) counts apart under `unknown`: never folded into remote or any group.
 */
import type { Location, Region, StakeholderGroup } from '../domain.ts';
import { spokenMs } from './timers.ts';
import type { MeetingState, Speech } from './types.ts';

export interface BalanceRow<K extends string> {
  key: K;
  turns: number;
  ms: number;
}

export interface SpeakingBalance {
  byLocation: BalanceRow<Location | 'unknown'>[];
  byStakeholderGroup: BalanceRow<StakeholderGroup | 'unknown'>[];
  byRegion: BalanceRow<Region | 'unknown'>[];
  turns: number;
  ms: number;
}

/** Speeches so far (the running one up to `now`), for one item or, with itemId undefined, all. */
export function speakingBalance(state: MeetingState, now: number, itemId?: string | null): SpeakingBalance {
  const speeches: { speech: Speech; ms: number }[] = state.speeches.map((speech) => ({ speech, ms: speech.spokenMs }));
  if (state.floor) speeches.push({ speech: state.floor, ms: spokenMs(state.floor, now) });
  const counted = itemId === undefined ? speeches : speeches.filter(({ speech }) => speech.itemId === itemId);
  return {
    byLocation: tally(counted, (speech) => speech.location ?? 'unknown'),
    byStakeholderGroup: tally(counted, (speech) => speech.stakeholderGroup ?? 'unknown'),
    byRegion: tally(counted, (speech) => speech.region ?? 'unknown'),
    turns: counted.length,
    ms: counted.reduce((sum, { ms }) => sum + ms, 0),
  };
}

function tally<K extends string>(speeches: { speech: Speech; ms: number }[], keyOf: (speech: Speech) => K): BalanceRow<K>[] {
  const rows = new Map<K, BalanceRow<K>>();
  for (const { speech, ms } of speeches) {
    const key = keyOf(speech);
    const row = rows.get(key) ?? { key, turns: 0, ms: 0 };
    row.turns += 1;
    row.ms += ms;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.ms - a.ms || a.key.localeCompare(b.key));
}
