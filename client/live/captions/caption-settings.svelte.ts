/**
 * How captions look on this device: text size, lines shown, contrast and where the panel
 * sits. Kept in localStorage, so they stay after a reload and need no account; a change
 * made in another tab of the same browser is taken up here too.
 */

export const CAPTION_SIZES = [100, 125, 150, 175, 200, 225, 250] as const;
export type CaptionSize = (typeof CAPTION_SIZES)[number];

export const CAPTION_LINE_COUNTS = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type CaptionLineCount = (typeof CAPTION_LINE_COUNTS)[number];

export const CAPTION_CONTRASTS = ['default', 'white-on-black', 'yellow-on-black'] as const;
export type CaptionContrast = (typeof CAPTION_CONTRASTS)[number];

export const CAPTION_POSITIONS = ['below', 'above'] as const;
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

interface StoredSettings {
  size: CaptionSize;
  lines: CaptionLineCount;
  contrast: CaptionContrast;
  position: CaptionPosition;
}

const DEFAULTS: StoredSettings = { size: 100, lines: 4, contrast: 'default', position: 'below' };
const STORAGE_KEY = 'equalfloor.captionSettings';

/** Only values this version knows are taken from storage: anything else falls back to the default. */
function pick<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function read(): StoredSettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const stored: unknown = raw ? JSON.parse(raw) : {};
    const record = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
    return {
      size: pick(CAPTION_SIZES, record.size, DEFAULTS.size),
      lines: pick(CAPTION_LINE_COUNTS, record.lines, DEFAULTS.lines),
      contrast: pick(CAPTION_CONTRASTS, record.contrast, DEFAULTS.contrast),
      position: pick(CAPTION_POSITIONS, record.position, DEFAULTS.position),
    };
  } catch {
    // Storage turned off or unreadable: the defaults, for this page only.
    return { ...DEFAULTS };
  }
}

class CaptionSettings {
  #size = $state<CaptionSize>(DEFAULTS.size);
  #lines = $state<CaptionLineCount>(DEFAULTS.lines);
  #contrast = $state<CaptionContrast>(DEFAULTS.contrast);
  #position = $state<CaptionPosition>(DEFAULTS.position);

  constructor() {
    this.#load();
    addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) this.#load();
    });
  }

  /** Text size in percent of the normal caption size. */
  get size(): CaptionSize {
    return this.#size;
  }
  set size(value: CaptionSize) {
    this.#size = pick(CAPTION_SIZES, Number(value), DEFAULTS.size);
    this.#save();
  }

  /** Lines of caption text the panel shows at once (it scrolls back for more). */
  get lines(): CaptionLineCount {
    return this.#lines;
  }
  set lines(value: CaptionLineCount) {
    this.#lines = pick(CAPTION_LINE_COUNTS, Number(value), DEFAULTS.lines);
    this.#save();
  }

  get contrast(): CaptionContrast {
    return this.#contrast;
  }
  set contrast(value: CaptionContrast) {
    this.#contrast = pick(CAPTION_CONTRASTS, value, DEFAULTS.contrast);
    this.#save();
  }

  /** Where the captions panel sits in the participant view. */
  get position(): CaptionPosition {
    return this.#position;
  }
  set position(value: CaptionPosition) {
    const position = pick(CAPTION_POSITIONS, value, DEFAULTS.position);
    if (position !== this.#position) this.movedFromSettings = true;
    this.#position = position;
    this.#save();
  }

  /**
   * Set when the position was changed in the settings form: the panel is then drawn afresh
   * in its new place, and opens its settings again with focus on the position control, so
   * that a keyboard or screen reader user is not left on nothing. Not kept.
   */
  movedFromSettings = false;

  get isDefault(): boolean {
    return (
      this.#size === DEFAULTS.size &&
      this.#lines === DEFAULTS.lines &&
      this.#contrast === DEFAULTS.contrast &&
      this.#position === DEFAULTS.position
    );
  }

  reset(): void {
    this.#apply(DEFAULTS);
    this.#save();
  }

  #load(): void {
    this.#apply(read());
  }

  #apply(settings: StoredSettings): void {
    this.#size = settings.size;
    this.#lines = settings.lines;
    this.#contrast = settings.contrast;
    this.#position = settings.position;
  }

  #save(): void {
    const settings: StoredSettings = { size: this.#size, lines: this.#lines, contrast: this.#contrast, position: this.#position };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
    } catch {
      // Storage full or turned off: the settings hold until the page is closed.
    }
  }
}

/** This device's caption settings, one store for every captions view. */
export const captionSettings = new CaptionSettings();
