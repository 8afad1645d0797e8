/** Svelte action: move focus to an element when it appears (a confirmation, a form opened for editing). */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
