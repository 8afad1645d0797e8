/**
 * The record in the six UN languages, through the real server: a version generated in a
 * language, a generated version exported in another (generated again in it), an edited one
 * exported as written with only the fixed words around it in the language asked for, and
 * Arabic laid out right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';

describe.each(DRIVERS)('the record in other languages on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let chair: LiveClient;
  const path = (rest: string) => `/api/meetings/${meetingId}/${rest}`;

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'MAG Virtual Meeting III');
    await secretariat.put(path('agenda'), { text: '1 - Adoption of agenda (5 minutes)\n2 - Status Update/Formation of BPFs (30 minutes)' });
    const [lynn] = await addRoster(secretariat, meetingId);
    chair = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, lynn!.joinUrl), meetingId);
    await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
    // The meeting takes its agenda when it opens; the chair opens it, speaks on item 1, agrees it and ends the meeting.
    await chair.command({ type: 'meeting.open' });
    const first = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId: first });
    // The chair speaks once, so the record has participation figures and charts.
    await chair.command({ type: 'floor.giveTo', participantId: chair.replica.participantId! });
    await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    await chair.command({ type: 'decision.record', itemId: first, proposalId: null, kind: 'agreed', text: 'The agenda was adopted.' });
    await chair.command({ type: 'meeting.end' });
    // Ending the meeting generates the draft (version 1, in English) at once.
    for (let attempt = 0; attempt < 50; attempt++) {
      if ((await secretariat.get(path('record'))).body.versions.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    chair?.close();
    await server?.close();
  });

  it('exports a generated version in French, and in Arabic right to left, from the version generated in English', async () => {
    expect((await secretariat.get(path('record'))).body.versions).toEqual([expect.objectContaining({ version: 1, source: 'generated' })]);
    const english = (await secretariat.get(path('record/versions/1'))).body.markdown as string;
    expect(english).toContain('## Annex I – Agenda');

    const french = await secretariat.get(path('record.md?version=1&lang=fr'));
    expect(french.status).toBe(200);
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.headers.get('content-disposition')).toContain(`record-${meetingId}-v1-fr.md`);
    const text = french.body as string;
    for (const heading of [
      '## Résumé',
      '## Annexe I – Ordre du jour',
      '## Annexe II – Liste des participants',
      '## Annexe III – Présence',
      '## Annexe IV – Statistiques de participation',
    ]) {
      expect(text).toContain(`\n${heading}\n`);
    }
    // No proposals: no annex of them, and the annexes after the agenda are numbered on without a gap.
    expect(text).not.toContain('Propositions et positions');
    expect(text).not.toContain('Annexe V');
    expect(text).toContain('**Rapport de synthèse** — Projet');
    expect(text).toContain('**Point 1 – Adoption of agenda**');
    expect(text).toContain('Décision\u00a0: approuvé — The agenda was adopted.');
    expect(text).toContain('- 2 - Status Update/Formation of BPFs (30 minutes)');
    expect(text).not.toContain('Annex I – Agenda');
    // The stored version is untouched, and without ?lang= it is exported as it is.
    expect((await secretariat.get(path('record/versions/1'))).body.markdown).toBe(english);
    expect((await secretariat.get(path('record.md?version=1'))).body).toBe(english);

    const arabic = await secretariat.get(path('record.html?version=1&lang=ar'));
    expect(arabic.status).toBe(200);
    const html = arabic.body as string;
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<h2>المرفق الأول – جدول الأعمال</h2>');
    expect(html).toContain('<h2 id="charts">الرسوم البيانية للمشاركة</h2>');
    expect(html).toContain('<strong>تقرير موجز:</strong> مسودة');
  });

  it('generates a version in the language asked for, and exports it in its own language by default', async () => {
    expect((await secretariat.post(path('record/generate'), { language: 'es' })).body).toEqual({ version: 2 });
    const spanish = (await secretariat.get(path('record/versions/2'))).body.markdown as string;
    expect(spanish).toContain('**Informe resumido** — Proyecto');
    expect(spanish).toContain('\n## Anexo I – Programa\n');
    const html = (await secretariat.get(path('record.html?version=2'))).body as string;
    expect(html).toMatch(/<html lang="es">/);
    expect(html).toContain('<h2 id="charts">Gráficos de participación</h2>');
    // Back to English from Spanish: generated again.
    expect((await secretariat.get(path('record.md?version=2&lang=en'))).body).toContain('\n## Annex I – Agenda\n');

    expect((await secretariat.post(path('record/generate'), { language: 'de' })).status).toBe(400);
    expect((await secretariat.get(path('record.md?lang=de'))).status).toBe(400);
  });

  it('keeps an edited version as written, with only the words around it in the language asked for', async () => {
    const english = (await secretariat.get(path('record/versions/1'))).body.markdown as string;
    const edited = `${english}\n## Notes from the secretariat\n\nThe agenda was adopted without changes.\n`;
    expect((await secretariat.post(path('record/versions'), { markdown: edited, basedOn: 1 })).body).toEqual({ version: 3 });

    const markdown = await secretariat.get(path('record.md?version=3&lang=fr'));
    expect(markdown.body).toBe(edited);
    expect(markdown.headers.get('content-language')).toBe('en');

    const html = await secretariat.get(path('record.html?version=3&lang=fr'));
    expect(html.headers.get('content-language')).toBe('en, fr');
    expect(html.body).toContain('<h2>Annex I – Agenda</h2>');
    expect(html.body).toContain('The agenda was adopted without changes.');
    expect(html.body).toContain('<h2 id="charts">Graphiques de participation</h2>');
    expect(html.body).toContain('<strong>Rapport de synthèse\u00a0:</strong> Projet');
  });

  it('renders DOCX and PDF in a language, and says a finalised record is final in its language', async () => {
    const docx = await secretariat.get(path('record.docx?version=1&lang=ar'));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const pdf = await secretariat.get(path('record.pdf?version=1&lang=ru'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    expect((await secretariat.post(path('record/finalise'), { version: 1 })).body).toEqual({ finalised: true, version: 1 });
    const final = (await secretariat.get(path('record.md?lang=ru'))).body as string;
    expect(final).toContain('**Краткий отчёт** — Окончательная редакция');
    expect(final).toContain('\n## Приложение I – Повестка дня\n');
    const json = (await secretariat.get(path('record.json?lang=zh'))).body;
    expect(json).toMatchObject({ status: 'final', language: 'zh' });
    expect(json.text).toContain('**摘要报告** — 定稿');
  });
});
