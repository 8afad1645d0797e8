/** One polite live region for short confirmations ("Copied", "Saved"). App.svelte renders it. */

class Announcer {
  message = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  say(message: string): void {
    // Clear first so the same message twice is announced twice.
    this.message = '';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.message = message;
      this.#timer = setTimeout(() => (this.message = ''), 5000);
    }, 50);
  }
}

export const announcer = new Announcer();
