/** What a caption writer is told when a write names a channel that is not theirs to write. */
import { CAPTION_CHANNEL_NAMES } from '../../shared/caption-channels.ts';
import type { CaptionChannel } from '../../shared/caption-channels.ts';

export function noSuchChannel(channel: CaptionChannel): string {
  return `This meeting has no ${CAPTION_CHANNEL_NAMES[channel]} caption channel.`;
}

export function channelRefusal(own: CaptionChannel): string {
  return `You write captions to the ${CAPTION_CHANNEL_NAMES[own]} channel; choose another in your console first.`;
}
