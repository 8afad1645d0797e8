/**
 * Caption channels: a meeting's captions are written to one channel each — the floor
 * (what is said, in whatever language it is said) or one of the six UN languages (what the
 * interpreters say). Captioners, captioning services, caption tokens, destinations and
 * readers each name the channel they write or read.
 */
import * as v from 'valibot';

export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export const FLOOR_CHANNEL = 'floor';
export const CAPTION_CHANNELS = [FLOOR_CHANNEL, ...UN_LANGUAGES] as const;
export type CaptionChannel = (typeof CAPTION_CHANNELS)[number];

export const CaptionChannelSchema = v.picklist(CAPTION_CHANNELS, `must be one of ${CAPTION_CHANNELS.join(', ')}`);

export function isCaptionChannel(text: unknown): text is CaptionChannel {
  return typeof text === 'string' && (CAPTION_CHANNELS as readonly string[]).includes(text);
}

/** A meeting's channels, in their fixed order: the floor, then the languages it has. */
export function meetingChannels(languages: readonly string[]): CaptionChannel[] {
  return [FLOOR_CHANNEL, ...UN_LANGUAGES.filter((language) => languages.includes(language))];
}

/** The languages a meeting may choose for its channels, besides the floor (each once, any order). */
export const CaptionLanguagesSchema = v.pipe(
  v.array(v.picklist(UN_LANGUAGES, `must be among ${UN_LANGUAGES.join(', ')}`)),
  v.maxLength(UN_LANGUAGES.length),
  v.check((languages) => new Set(languages).size === languages.length, 'names a language twice'),
);

/** Each language in its own words: what a reader picks among (the floor's name is translated by the page). */
export const LANGUAGE_OWN_NAMES: Record<UnLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export function isUnLanguage(text: unknown): text is UnLanguage {
  return typeof text === 'string' && (UN_LANGUAGES as readonly string[]).includes(text);
}

/** The six languages by their English names, for a roster file's channel column. */
export const UN_LANGUAGE_NAMES: Record<UnLanguage, string> = {
  ar: 'Arabic',
  zh: 'Chinese',
  en: 'English',
  fr: 'French',
  ru: 'Russian',
  es: 'Spanish',
};

/** The channels in English, for the server's refusals and the downloads' headers. */
export const CAPTION_CHANNEL_NAMES: Record<CaptionChannel, string> = { floor: 'floor', ...UN_LANGUAGE_NAMES };

/** PUT …/room-caption-channels: what the room display shows, one channel or two stacked. */
export const RoomCaptionChannelsSchema = v.strictObject({
  channels: v.pipe(
    v.array(CaptionChannelSchema),
    v.minLength(1, 'must name a channel'),
    v.maxLength(2, 'must name at most two channels'),
    v.check((channels) => new Set(channels).size === channels.length, 'names a channel twice'),
  ),
});

/** The room display's channels among those the meeting has; the floor when none of them is left. */
export function roomChannels(chosen: readonly CaptionChannel[], languages: readonly string[]): CaptionChannel[] {
  const available = meetingChannels(languages);
  const shown = chosen.filter((channel) => available.includes(channel));
  return shown.length > 0 ? shown : [FLOOR_CHANNEL];
}

/** PUT …/caption-channels: the languages the meeting has channels for (the floor it always has). */
export const CaptionChannelsSchema = v.strictObject({ languages: CaptionLanguagesSchema });
