/** Pieces of a structured record (shared/record/record-model.ts) for the record tests. */
import type { RecordItem } from '../../shared/record/record-model.ts';

/** An agenda item of a record, done, with nothing recorded on it but what `overrides` gives. */
export function recordItem(overrides: Partial<RecordItem> & Pick<RecordItem, 'id' | 'number' | 'title'>): RecordItem {
  return {
    depth: 0,
    status: 'done',
    minutesAllotted: 5,
    minutesUsed: 4,
    takenUp: true,
    speakers: [],
    presentations: [],
    proposals: [],
    support: [],
    objections: [],
    comments: [],
    consensus: [],
    decisions: [],
    actions: [],
    flaggedChat: [],
    ...overrides,
  };
}
