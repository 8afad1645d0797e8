/**
 * Caption channels through the real server: a meeting with the floor, English and Arabic; two
 * captioners write two channels at the same moment without touching each other's line; a reader
 * switching channel gets only the new channel's lines; each channel's transcript holds its own
 * lines only; nobody writes to a channel that is not theirs, or that the meeting does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, enteredSocket, waitUntil } from '../support/live-client.ts';
import type { MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import type { CaptionDraft, CaptionSegment } from '../../shared/captions.ts';
import type { CaptionChannel } from '../../shared/caption-channels.ts';

type Entry = { id: string; role: string; name: string; joinUrl: string };

const ROSTER_CSV = [
  'name,stakeholder group,region,role',
  'The Chair,civil society,Africa,chair',
  'A Member,technical community,Africa,member',
  'English Captioner,civil society,WEOG,captioner',
  'Arabic Captioner,civil society,WEOG,captioner',
].join('\n');

/** What a reader's connection heard: the finished lines and the channels of the lines being typed. */
function listen(socket: MeetingSocketClient) {
  const heard = { segments: [] as CaptionSegment[], drafts: [] as { channel: CaptionChannel; draft: CaptionDraft | null }[] };
  socket.on('captions:segment', ({ segment }) => heard.segments.push(segment));
  socket.on('captions:draft', ({ channel, draft }) => heard.drafts.push({ channel, draft }));
  return heard;
}

describe.each(DRIVERS)('caption channels on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { CAPTION_POSTS_PER_MINUTE: '100000' } });
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    closers.forEach((close) => close());
    await server?.close();
  });

  /** An opened meeting with English and Arabic channels, its captioners on them, and a member reading. */
  async function meetingWithChannels(title: string) {
    const meetingId = await createMeeting(secretariat, title);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)' });
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv: ROSTER_CSV })).body.roster as Entry[];
    const byName = (name: string) => roster.find((entry) => entry.name === name)!;
    const setup = await secretariat.put(`/api/meetings/${meetingId}/caption-channels`, { languages: ['ar', 'en'] });
    expect(setup.status).toBe(200);
    expect(setup.body.meeting.captionChannels).toEqual(['floor', 'ar', 'en']);
    const chair = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, byName('The Chair').joinUrl), meetingId);
    closers.push(() => chair.close());
    await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
    await chair.command({ type: 'meeting.open' });
    const socketOf = async (name: string) => {
      const socket = await enteredSocket(server.baseUrl, await openJoinLink(server.baseUrl, byName(name).joinUrl), meetingId);
      closers.push(() => socket.close());
      return socket;
    };
    const english = await socketOf('English Captioner');
    const arabic = await socketOf('Arabic Captioner');
    expect(await english.emitWithAck('captions:channel', { meetingId, channel: 'en' })).toEqual({ ok: true, channel: 'en' });
    expect(await arabic.emitWithAck('captions:channel', { meetingId, channel: 'ar' })).toEqual({ ok: true, channel: 'ar' });
    const reader = await socketOf('A Member');
    return { meetingId, setup: setup.body, english, arabic, reader };
  }

  it('keeps the line being typed per channel, so two captioners on two channels never overwrite each other', async () => {
    const { meetingId, english, arabic, reader } = await meetingWithChannels('Two captioners');
    const heard = listen(reader);
    expect((await reader.emitWithAck('captions:history', { meetingId, channel: 'en' })).ok).toBe(true);

    // Both type at the same moment, then both end their lines at the same moment.
    await Promise.all([
      english.emitWithAck('captions:typing', { meetingId, text: 'Good morning', final: false }),
      arabic.emitWithAck('captions:typing', { meetingId, text: 'صباح الخير', final: false }),
    ]);
    const enHistory = await reader.emitWithAck('captions:history', { meetingId, channel: 'en' });
    const arHistory = await reader.emitWithAck('captions:history', { meetingId, channel: 'ar' });
    expect(enHistory.ok && enHistory.draft?.text).toBe('Good morning');
    expect(arHistory.ok && arHistory.draft?.text).toBe('صباح الخير');
    await Promise.all([
      english.emitWithAck('captions:typing', { meetingId, text: 'Good morning, everyone.', final: true, lineId: 'en-line-0001' }),
      arabic.emitWithAck('captions:typing', { meetingId, text: 'صباح الخير للجميع.', final: true, lineId: 'ar-line-0001' }),
    ]);
    await waitUntil(() => heard.segments.length === 2, 'both lines heard');
    const byChannel = Object.fromEntries(heard.segments.map((segment) => [segment.channel, segment.text]));
    expect(byChannel).toEqual({ en: 'Good morning, everyone.', ar: 'صباح الخير للجميع.' });
    // One order across the meeting: the two lines have two numbers.
    expect(new Set(heard.segments.map((segment) => segment.seq)).size).toBe(2);
    // The floor's line was never touched.
    const floor = await reader.emitWithAck('captions:history', { meetingId, channel: 'floor' });
    expect(floor.ok && { segments: floor.segments, draft: floor.draft }).toEqual({ segments: [], draft: null });
  });

  it('sends a reader who switched channel the new channel’s lines only', async () => {
    const { meetingId, english, arabic, reader } = await meetingWithChannels('Switching');
    const heard = listen(reader);
    const write = (socket: MeetingSocketClient, text: string, lineId: string) =>
      socket.emitWithAck('captions:typing', { meetingId, text, final: true, lineId });
    const floorLine = () =>
      secretariatSocket.emitWithAck('captions:typing', { meetingId, channel: 'floor', text: 'On the floor', final: true });
    const secretariatSocket = await enteredSocket(server.baseUrl, secretariat, meetingId);
    closers.push(() => secretariatSocket.close());

    // English, instead of the floor every connection starts with.
    await reader.emitWithAck('captions:history', { meetingId, channel: 'en' });
    await reader.emitWithAck('captions:unfollow', { meetingId, channel: 'floor' });
    await write(english, 'English one', 'en-line-0001');
    await write(arabic, 'عربي واحد', 'ar-line-0001');
    await floorLine();
    await write(english, 'English two', 'en-line-0002');
    await waitUntil(() => heard.segments.some((segment) => segment.text === 'English two'), 'the second English line');

    // Now Arabic.
    await reader.emitWithAck('captions:unfollow', { meetingId, channel: 'en' });
    const switched = await reader.emitWithAck('captions:history', { meetingId, channel: 'ar' });
    expect(switched.ok && switched.segments.map((segment) => segment.text)).toEqual(['عربي واحد']);
    await write(english, 'English three', 'en-line-0003');
    await arabic.emitWithAck('captions:typing', { meetingId, text: 'عربي', final: false });
    await waitUntil(() => heard.drafts.some(({ channel, draft }) => channel === 'ar' && draft?.text === 'عربي'), 'the Arabic line typed');
    await write(arabic, 'عربي اثنان', 'ar-line-0002');
    await waitUntil(() => heard.segments.some((segment) => segment.text === 'عربي اثنان'), 'the second Arabic line');
    // Lines broadcast before it would have arrived by now: the last English one never does.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(heard.segments.map((segment) => `${segment.channel}:${segment.text}`)).toEqual([
      'en:English one',
      'en:English two',
      'ar:عربي اثنان',
    ]);
    expect(heard.drafts.every(({ channel }) => channel !== 'floor')).toBe(true);
  });

  it('downloads each channel’s transcript with its own lines only, its language in the header', async () => {
    const { meetingId, english, arabic, setup } = await meetingWithChannels('Transcripts per channel');
    await english.emitWithAck('captions:speaker', { meetingId, speakerId: null, speakerName: 'Amina Diallo' });
    await english.emitWithAck('captions:typing', { meetingId, text: 'We begin.', final: true, lineId: 'en-line-0001' });
    await arabic.emitWithAck('captions:typing', { meetingId, text: 'نبدأ.', final: true, lineId: 'ar-line-0001' });
    // Captioning software on the floor's URL: each channel's URL numbers its own posts.
    const urls = setup.captionUrls as { channel: CaptionChannel; url: string }[];
    expect(urls.map((entry) => entry.channel)).toEqual(['floor', 'ar', 'en']);
    const post = async (channel: CaptionChannel, text: string, seq: number) => {
      const target = new URL(urls.find((entry) => entry.channel === channel)!.url);
      target.searchParams.set('seq', String(seq));
      target.searchParams.set('final', '1');
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
      return (await response.json()) as { applied: boolean };
    };
    expect(await post('floor', 'Floor words.', 1)).toEqual({ applied: true, seq: 1 });
    expect(await post('ar', 'كلمات.', 1)).toEqual({ applied: true, seq: 1 });
    expect(await post('ar', 'كلمات.', 1)).toEqual({ applied: false, seq: 1 });

    const base = `/api/meetings/${meetingId}/transcript`;
    const vtt = await secretariat.get(`${base}.vtt?channel=en`);
    expect(vtt.status).toBe(200);
    expect(vtt.body as string).toMatch(/^WEBVTT\nLanguage: en\n\n/);
    expect(vtt.body as string).toContain('<v Amina Diallo>We begin.');
    expect(vtt.body as string).not.toMatch(/نبدأ|Floor words/);
    const json = await secretariat.get(`${base}.json?channel=ar`);
    expect(json.body.lang).toBe('ar');
    expect((json.body.segments as CaptionSegment[]).map((segment) => segment.text)).toEqual(['نبدأ.', 'كلمات.']);
    const txt = await secretariat.get(`${base}.txt`);
    expect(txt.body as string).toContain('Floor words.');
    expect(txt.body as string).not.toMatch(/We begin|نبدأ/);
    const srt = await secretariat.get(`${base}.srt?channel=en`);
    expect(srt.body as string).toMatch(/^1\n00:00:\d\d,\d{3} --> .*\nAmina Diallo: We begin\.\n$/);
    // A channel the meeting does not have, and one that does not exist.
    expect((await secretariat.get(`${base}.txt?channel=fr`)).status).toBe(404);
    expect((await secretariat.get(`${base}.txt?channel=xx`)).status).toBe(400);

    // The record's transcript annex lists the channels and their lines.
    expect((await secretariat.post(`/api/meetings/${meetingId}/record/generate`)).status).toBe(201);
    const markdown = (await secretariat.get(`/api/meetings/${meetingId}/record/versions/1`)).body.markdown as string;
    const annex = markdown.slice(markdown.indexOf('– Caption transcript'));
    expect(annex).toContain('- Floor (as spoken): 1 line\n- العربية (ar): 2 lines\n- English (en): 1 line');
  });

  it('lets the chair and the secretariat choose the room display’s channels, two at most, among the meeting’s', async () => {
    const { meetingId } = await meetingWithChannels('Room display channels');
    const path = `/api/meetings/${meetingId}/room-caption-channels`;
    expect((await secretariat.get(`/api/meetings/${meetingId}/page`)).body.meeting.roomCaptionChannels).toEqual(['floor']);
    const chosen = await secretariat.put(path, { channels: ['en', 'ar'] });
    expect(chosen.status).toBe(200);
    expect(chosen.body.meeting.roomCaptionChannels).toEqual(['en', 'ar']);
    expect((await secretariat.put(path, { channels: ['fr'] })).status).toBe(400);
    expect((await secretariat.put(path, { channels: ['en', 'ar', 'floor'] })).status).toBe(400);
    expect((await secretariat.put(path, { channels: [] })).status).toBe(400);
    // A channel dropped from the meeting leaves the display: the other stays.
    await secretariat.put(`/api/meetings/${meetingId}/caption-channels`, { languages: ['ar'] });
    expect((await secretariat.get(`/api/meetings/${meetingId}/page`)).body.meeting.roomCaptionChannels).toEqual(['ar']);
  });

  it('refuses a write to a channel the meeting does not have, or to another than the writer’s', async () => {
    const { meetingId, english, reader, setup } = await meetingWithChannels('Channel checks');
    const type = (socket: MeetingSocketClient, channel: CaptionChannel, text: string) =>
      socket.emitWithAck('captions:typing', { meetingId, channel, text, final: true });
    expect(await type(english, 'en', 'Mine')).toEqual({ ok: true });
    expect(await type(english, 'ar', 'Not mine')).toMatchObject({ ok: false, code: 'forbidden', error: /English channel/ });
    expect(await type(english, 'fr', 'No such')).toMatchObject({ ok: false, code: 'invalid', error: /no French caption channel/ });
    expect(await english.emitWithAck('captions:channel', { meetingId, channel: 'fr' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await english.emitWithAck('captions:channel', { meetingId, channel: 'klingon' as never })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    // A reader neither writes nor chooses a channel to write to.
    expect(await type(reader, 'en', 'Reader')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await reader.emitWithAck('captions:channel', { meetingId, channel: 'en' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await reader.emitWithAck('captions:history', { meetingId, channel: 'fr' })).toMatchObject({ ok: false, code: 'invalid' });

    // Captioning software with the English URL's token streams to English only.
    const token = new URL(
      (setup.captionUrls as { channel: string; url: string }[]).find((entry) => entry.channel === 'en')!.url,
    ).searchParams.get('token')!;
    const feed: MeetingSocketClient = io(server.baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { meetingId, captionToken: token },
      extraHeaders: { origin: server.baseUrl },
    });
    closers.push(() => feed.close());
    await new Promise<void>((resolve, reject) => {
      feed.once('connect', resolve);
      feed.once('connect_error', reject);
    });
    expect(await feed.emitWithAck('captions:stream', { meetingId, channel: 'floor', text: 'x', final: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await feed.emitWithAck('captions:stream', { meetingId, text: 'Streamed in English', final: true })).toEqual({ ok: true });

    // Dropping English: its writers are refused from then on; its lines stay in its transcript.
    expect((await secretariat.put(`/api/meetings/${meetingId}/caption-channels`, { languages: ['ar'] })).status).toBe(200);
    expect(await type(english, 'en', 'Too late')).toMatchObject({ ok: false, code: 'invalid' });
    expect((await secretariat.put(`/api/meetings/${meetingId}/caption-channels`, { languages: ['ar', 'ar'] })).status).toBe(400);
    expect((await secretariat.put(`/api/meetings/${meetingId}/caption-channels`, { languages: ['floor'] })).status).toBe(400);
    const lines = await secretariat.get(`/api/meetings/${meetingId}/transcript.json?channel=en`);
    expect((lines.body.segments as CaptionSegment[]).map((segment) => segment.text)).toEqual(['Mine', 'Streamed in English']);
  });
});
