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
