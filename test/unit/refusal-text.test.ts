/**
 * The meeting's refusals reach the chair and the participants in their own language: every
 * refusal the rules and the live server can give, read from their source, is recognised by
 * client/live/refusal-text.ts. A new refusal, or a changed wording, without a translation fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalText } from '../../client/live/refusal-text.ts';
import { setLanguage } from '../../client/i18n/i18n.svelte.ts';

const SOURCES = [
  'shared/meeting',
  'shared/access',
  'shared/sync',
  'server/live',
  'server/limits',
  'server/captions',
  'server/meetings',
  'server/auth',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The plain-text refusals written in the source: `reject(code, '…')`, `CommandRejected(code, '…')`, rule refusals, session and access endings. */
function writtenRefusals(): string[] {
  const found = new Set<string>();
  const patterns = [
    /reject\(\s*'[a-z-]+',\s*'([^']+)'/g,
    /CommandRejected\('[a-z-]+',\s*'([^']+)'/g,
    /refuse\('[a-z-]+',\s*'([^']+)'/g,
    /meetingRule\([^,]+,\s*'([^']+)'/g,
    /(?:CAPTION_REFUSAL|REFUSAL|CLIENT_OUTDATED|CAPTION_TOKEN_ENDED) = '([^']+)'/g,
    /(?:disconnectSessions|accessChanged)\([^']*'([^']+)'\)/g,
    /\? '([A-Z][^']+\.)' : '([A-Z][^']+\.)'/g,
    /state: 'refused', reason: '([^']+)'/g,
  ];
  // Read tokens are for other tools, not pages: their refusals stay in English.
  for (const file of SOURCES.flatMap(filesUnder).filter((path) => !path.endsWith('caption-read-routes.ts'))) {
    const text = readFileSync(file, 'utf8').replace(/\s*\n\s*/g, ' ');
    // The live server's limits per connection (server/live/live-socket.ts COMMAND_LIMITS).
    const limits = file.startsWith(join('server', 'live')) ? [/message: '([^']+)'/g] : [];
    for (const pattern of [...patterns, ...limits])
      for (const match of text.matchAll(pattern)) for (const said of match.slice(1)) if (said) found.add(said);
  }
  return [...found];
}

describe('the meeting’s refusals, in French', () => {
  beforeAll(async () => {
    await setLanguage('fr', { remember: false });
  });
  afterAll(async () => {
    await setLanguage('en', { remember: false });
  });

  it('finds the refusals in the source', () => {
    // The scan itself works: some well-known refusals are among those found.
    expect(writtenRefusals()).toEqual(
      expect.arrayContaining(['The queue is already closed.', 'Your role in this meeting does not allow that.', 'join link revoked']),
    );
    expect(writtenRefusals().length).toBeGreaterThan(60);
  });

  it('says every one of them in French', () => {
    const untranslated = writtenRefusals().filter((message) => refusalText(message) === message);
    expect(untranslated).toEqual([]);
  });

  it('fills in the refusals that name an item, a person or a count', () => {
    expect(refusalText('Item 4a is already running.')).toBe('Le point 4a est déjà en cours.');
    expect(refusalText('Item 3 is already done.')).toBe('Le point 3 est déjà marqué « Terminé ».');
    expect(refusalText('Item 2 is closed: positions can no longer change.')).toBe(
      'Le point 2 est clos : les positions ne peuvent plus changer.',
    );
    expect(refusalText('2 people are still in the queue of this item. Move on anyway?')).toBe(
      '2 personnes sont encore dans la file de ce point. Passer quand même à la suite ?',
    );
    expect(refusalText('Olena Kovalenko is already in the queue.')).toBe('Olena Kovalenko est déjà dans la file.');
    expect(refusalText('You are already in the queue.')).toBe('Vous êtes déjà dans la file.');
  });

  it('shows a refusal it does not know as it is', () => {
    expect(refusalText('Something new happened.')).toBe('Something new happened.');
  });
});
