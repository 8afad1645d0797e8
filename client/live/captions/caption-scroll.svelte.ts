/**
 * The scrolling of a caption box: it follows the newest line, and pauses while the reader
 * scrolls back, remembering the last line they had (so the panel can count what is new).
 */
import { tick } from 'svelte';

export class CaptionScroll {
  /** The scrolling box (bound with `bind:this`). */
  element = $state<HTMLElement>();
  /** Following the newest line, or paused because the reader scrolled back. */
  following = $state(true);
  /** While paused: the last line the reader had when they scrolled back. */
  pausedAfter = $state<number | null>(null);
  #smoothJump = false;
  #smoothJumpTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly lastSeq: () => number) {}

  #atEnd(element: HTMLElement): boolean {
    return element.scrollHeight - element.scrollTop - element.clientHeight <= 8;
  }

  readonly onScroll = (): void => {
    const element = this.element;
    if (!element) return;
    if (this.#atEnd(element)) {
      this.following = true;
      this.pausedAfter = null;
      this.#smoothJump = false;
      return;
    }
    // The steps of a smooth jump to the end are not the reader scrolling back.
    if (this.#smoothJump || !this.following) return;
    this.following = false;
    this.pausedAfter = this.lastSeq();
  };

  scrollToEnd(): void {
    if (this.element) this.element.scrollTop = this.element.scrollHeight;
  }

  readonly jumpToEnd = (): void => {
    const element = this.element;
    if (!element) return;
    this.following = true;
    this.pausedAfter = null;
    // Smooth over a short way only, and never for readers who ask for reduced motion.
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    const smooth = distance <= element.clientHeight * 3 && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#smoothJump = smooth;
    clearTimeout(this.#smoothJumpTimer);
    if (smooth) {
      element.addEventListener('scrollend', () => (this.#smoothJump = false), { once: true });
      this.#smoothJumpTimer = setTimeout(() => (this.#smoothJump = false), 2_000);
    }
    element.scrollTo({ top: element.scrollHeight, behavior: smooth ? 'smooth' : 'instant' });
    // The button goes away: keyboard focus goes to the captions it jumped to.
    element.focus({ preventScroll: true });
  };

  /** Keeps the newest line in view while the box changes size; for an `$effect`. */
  observe(): (() => void) | undefined {
    const element = this.element;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (this.following && !this.#smoothJump) this.scrollToEnd();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(this.#smoothJumpTimer);
    };
  }

  /** Runs `load` (which puts earlier lines above), keeping the line the reader is at in place. */
  async keepPlace(load: () => Promise<void>): Promise<void> {
    const element = this.element;
    if (!element) return;
    const anchor = element.querySelector<HTMLElement>('[data-seq]');
    const anchorSeq = anchor?.dataset.seq;
    const offset = anchor ? anchor.offsetTop - element.scrollTop : 0;
    const fromEnd = element.scrollHeight - element.scrollTop;
    await load();
    await tick();
    const moved = anchorSeq ? element.querySelector<HTMLElement>(`[data-seq="${anchorSeq}"]`) : null;
    element.scrollTop = moved ? moved.offsetTop - offset : element.scrollHeight - fromEnd;
  }
}
