/** Time planned for an agenda: each item's minutes, or the sum of its sub-items' when it has none of its own. */
export function agendaMinutes(items: readonly { depth: 0 | 1; minutes: number | null }[]): number {
  let total = 0;
  let parentMinutes: number | null = null;
  for (const item of items) {
    if (item.depth === 0) {
      parentMinutes = item.minutes;
      total += item.minutes ?? 0;
    } else if (parentMinutes === null) {
      // Sub-items share their parent's time when it has one; otherwise they add up.
      total += item.minutes ?? 0;
    }
  }
  return total;
}
