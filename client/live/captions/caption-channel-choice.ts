/** The caption channel this device reads, kept in localStorage (the floor until one is chosen). */
import { FLOOR_CHANNEL, isCaptionChannel, type CaptionChannel } from '../../../shared/caption-channels.ts';

const STORAGE_KEY = 'equalfloor.captionChannel';

export function storedChannel(): CaptionChannel {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isCaptionChannel(stored) ? stored : FLOOR_CHANNEL;
  } catch {
    // Storage turned off: the floor, for this page only.
    return FLOOR_CHANNEL;
  }
}

export function storeChannel(channel: CaptionChannel): void {
  try {
    localStorage.setItem(STORAGE_KEY, channel);
  } catch {
    // Storage full or turned off: the choice holds until the page is closed.
  }
}
