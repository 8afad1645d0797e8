/**
 * The agenda item a chair panel is showing or acting on: the running item, followed whenever
 * another starts, while the chair may choose any other meanwhile (`value` is bound to a select).
 * Made while a component is set up (it holds an effect).
 */
import { untrack } from 'svelte';
import type { ChairConsoleModel } from './chair-console.svelte.ts';

export class RunningItemChoice {
  /** An item id (or a key that starts as one: the consensus call's target). */
  value = $state('');

  constructor(model: () => ChairConsoleModel) {
    const state = untrack(() => model().state);
    this.value = state.currentItemId ?? state.agenda[0]?.id ?? '';
    $effect(() => {
      const running = model().state.currentItemId;
      if (running !== null) untrack(() => (this.value = running));
    });
  }
}
