/** Names of languages and caption channels in the interface's language, from the browser's own Intl data. */
import { FLOOR_CHANNEL, type CaptionChannel } from '../../shared/caption-channels.ts';
import { i18n, t } from './i18n.svelte.ts';

/** A language tag's name in the interface's language (Arabic, arabe, árabe …), or the tag itself. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A caption channel's name where a sentence names it as a channel: the floor, or the language of an interpretation. */
export function channelName(channel: CaptionChannel): string {
  return channel === FLOOR_CHANNEL ? t('captions.floorChannelShort') : languageName(channel);
}
