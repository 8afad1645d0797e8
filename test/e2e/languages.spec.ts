/**
 * The interface in the participant's language, against a server of its own: a member whose
 * browser speaks Arabic and one whose browser speaks French join by their personal links while
 * the chair runs the console in English. Each sees the page in their own language (Arabic laid
 * out right to left), the meeting's start in their own time zone with UTC beside it; both raise
 * a hand, the Arabic speaker gets the floor, and both follow a consensus call the French speaker
 * objects to. The language menu then changes the language on the spot, and the choice is kept.
 *
 * The meeting is set up through the HTTP API; everything after that happens in the browsers.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type SpecServer, setUpMeeting as setUpThroughApi } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };

const MEETING = {
  title: 'IGF MAG Working Group on Language',
  body: 'MAG',
  startsAtLocal: '2017-05-23T13:00',
  timeZone: 'UTC',
  plannedMinutes: 60,
};
const ITEM = 'Multilingual participation';

const CHAIR = 'Lynn St. Amour';
/** Her browser asks for Arabic; she is in Riyadh. */
const LAYLA = 'ليلى حسن';
/** His browser asks for French; he is in Geneva. */
const JEAN = 'Jean Dupont';

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${LAYLA},Arab ICT Organization,,intergovernmental organisation,Africa,member`,
  `${JEAN},Swiss Internet Governance Forum,,civil society,WEOG,member`,
].join('\n');

async function setUpMeeting(baseUrl: string): Promise<{ chair: string; layla: string; jean: string }> {
  const meeting = await setUpThroughApi(baseUrl, {
    admin: ADMIN,
    meeting: MEETING,
    agendaText: `1 - ${ITEM} (30 minutes)`,
    rosterCsv: ROSTER_CSV,
  });
  const link = (name: string) => meeting.person(name).joinUrl;
  return { chair: link(CHAIR), layla: link(LAYLA), jean: link(JEAN) };
}

async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

test.describe('the interface in the participant’s language', () => {
  let server: SpecServer;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('an Arabic and a French participant raise a hand, take the floor and follow a consensus call', async ({ browser }) => {
    test.setTimeout(90_000);
    const links = await test.step('the secretariat sets the meeting up through the API', () => setUpMeeting(server.baseUrl));

    const chair = await newPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    const layla = await newPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'ar', timezoneId: 'Asia/Riyadh' });
    const jean = await newPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'fr-CH', timezoneId: 'Europe/Zurich' });

    await test.step('each opens their link and sees the page in their own language', async () => {
      await chair.goto(links.chair);
      await expect(chair.getByText(`You are ${CHAIR}, chair.`, { exact: true })).toBeVisible();
      await expect(chair.locator('html')).toHaveAttribute('lang', 'en');
      await expect(chair.locator('html')).toHaveAttribute('dir', 'ltr');

      await layla.goto(links.layla);
      await expect(layla.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(layla.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(layla.getByText(`أنت ${LAYLA} (عضو).`, { exact: true })).toBeVisible();
      await expect(layla.getByText('متصل', { exact: true })).toBeVisible();
      await expect(layla.getByLabel('اللغة', { exact: true })).toHaveValue('ar');
      // The start in her own zone (UTC+3), with UTC beside it, in Latin digits.
      await expect(layla.locator('time[datetime]').first()).toContainText('16:00 (13:00 UTC)');
      await expect(layla.getByRole('heading', { name: 'جدول الأعمال', exact: true })).toBeVisible();

      await jean.goto(links.jean);
      await expect(jean.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(jean.locator('html')).toHaveAttribute('dir', 'ltr');
      await expect(jean.getByText(`Vous êtes ${JEAN} (membre).`, { exact: true })).toBeVisible();
      await expect(jean.getByLabel('Langue', { exact: true })).toHaveValue('fr');
      await expect(jean.locator('time[datetime]').first()).toHaveText(/^mar\. 23 mai 2017.{1,4}15:00 \(13:00 UTC\)$/);
    });

    await test.step('Arabic is laid out right to left: the language menu sits at the left end of the header', async () => {
      const brand = await layla.locator('.brand').boundingBox();
      const menu = await layla.getByLabel('اللغة', { exact: true }).boundingBox();
      expect(brand && menu && menu.x < brand.x, `menu at ${menu?.x}, brand at ${brand?.x}`).toBe(true);
      const direction = await layla.locator('main').evaluate((element) => getComputedStyle(element).direction);
      expect(direction).toBe('rtl');
    });

    await test.step('the chair opens the meeting and starts item 1', async () => {
      await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Start item 1', exact: true }).click();
      await expect(layla.getByRole('region', { name: 'بند جدول الأعمال', exact: true })).toContainText(ITEM);
      await expect(jean.getByRole('region', { name: 'Point de l’ordre du jour', exact: true })).toContainText(ITEM);
    });

    await test.step('both say they are remote and raise a hand', async () => {
      await expect(layla.getByRole('heading', { name: 'من أين تشارك؟', exact: true })).toBeVisible();
      await layla.getByRole('button', { name: 'عن بُعد', exact: true }).click();
      await expect(layla.getByText('مكان مشاركتك: عن بُعد.', { exact: false })).toBeVisible();
      await expect(layla.getByRole('radio', { name: 'نقطة جديدة', exact: true })).toBeChecked();
      await layla.getByRole('button', { name: 'طلب الكلمة', exact: true }).click();
      await expect(layla.getByTestId('own-place')).toHaveText('أنت المتكلم التالي.');
      await expect(layla.getByRole('button', { name: 'سحب طلب الكلمة', exact: true })).toBeVisible();

      await jean.getByRole('button', { name: 'À distance', exact: true }).click();
      await jean.getByRole('radio', { name: 'Demande de précision', exact: true }).check();
      await jean.getByRole('button', { name: 'Demander la parole', exact: true }).click();
      // A clarifying question goes before a new point (Q1).
      await expect(jean.getByTestId('own-place')).toHaveText('Vous prendrez la parole ensuite.');
      await expect(layla.getByTestId('own-place')).toHaveText('ترتيبك في قائمة المتكلمين: 2 — شخص واحد قبلك.');

      const arabicQueue = layla.getByRole('list', { name: 'قائمة المتكلمين', exact: true }).getByRole('listitem');
      await expect(arabicQueue).toHaveText([
        /^1\s*Jean Dupont\s*سؤال توضيحي\s*عن بُعد/,
        new RegExp(`^2\\s*${LAYLA}\\s*\\(أنت\\)\\s*نقطة جديدة\\s*عن بُعد`),
      ]);
      const frenchQueue = jean.getByRole('list', { name: 'Liste des orateurs', exact: true }).getByRole('listitem');
      await expect(frenchQueue).toHaveText([
        /^1\s*Jean Dupont\s*\(vous\)\s*Demande de précision\s*À distance/,
        new RegExp(`^2\\s*${LAYLA}\\s*Nouveau point\\s*À distance`),
      ]);
    });

    await test.step('the chair gives the floor twice: Jean, then Layla, who is told so in Arabic', async () => {
      await chair.getByRole('button', { name: 'Give the floor to next', exact: true }).click();
      await expect(jean.getByRole('region', { name: 'A la parole', exact: true }).getByText('Vous', { exact: true })).toBeVisible();
      await expect(jean.getByRole('status').filter({ hasText: 'Vous avez la parole.' })).toBeVisible();
      await expect(layla.getByTestId('own-place')).toHaveText('أنت المتكلم التالي.');

      await chair.getByRole('button', { name: 'Give the floor to next', exact: true }).click();
      const floor = layla.getByRole('region', { name: 'يأخذ الكلمة', exact: true });
      await expect(floor.getByText('أنت', { exact: true })).toBeVisible();
      await expect(floor).toContainText('نقطة جديدة');
      await expect(layla.getByRole('status').filter({ hasText: 'الكلمة لك الآن.' })).toBeVisible();
      await expect(layla.getByTestId('speech-timer')).toHaveText(/^\s*متبقٍ \d:\d\d\s*$/);
      await expect(jean.getByRole('region', { name: 'A la parole', exact: true })).toContainText(LAYLA);
      await expect(jean.getByTestId('speech-timer')).toHaveText(/^\s*il reste \d:\d\d\s*$/);
    });

    await test.step('the chair opens a consensus call: both see it in their language; Jean objects', async () => {
      const question = 'Any objections to item 1?';
      const form = chair.getByRole('form', { name: 'Open a consensus call', exact: true });
      await expect(form.getByLabel('Question', { exact: true })).toHaveValue(question);
      await form.getByLabel('Seconds to object', { exact: true }).fill('120');
      await form.getByRole('button', { name: 'Open the call', exact: true }).click();

      const arabicCall = layla.getByRole('region', { name: 'الدعوة إلى توافق الآراء', exact: true });
      await expect(arabicCall.getByText(question, { exact: true })).toBeVisible();
      // An English question on an Arabic page starts where the page's lines start: on the right.
      const questionBox = await arabicCall.getByText(question, { exact: true }).boundingBox();
      const callBox = await arabicCall.boundingBox();
      expect(callBox!.x + callBox!.width - (questionBox!.x + questionBox!.width), 'space to the right of the question').toBeLessThan(48);
      await expect(arabicCall.getByTestId('consensus-countdown')).toHaveText(/^\s*متبقٍ \d:\d\d لتقديم الاعتراضات\s*$/);
      await expect(arabicCall.getByRole('button', { name: 'أعترض', exact: true })).toBeVisible();
      await expect(layla.locator('[aria-live="assertive"]').filter({ hasText: 'توافق' })).toHaveText(
        `دعوة إلى توافق الآراء مفتوحة: ${question}`,
      );

      const frenchCall = jean.getByRole('region', { name: 'Recherche du consensus', exact: true });
      await expect(frenchCall.getByText(question, { exact: true })).toBeVisible();
      await frenchCall.getByLabel('Motif (facultatif)', { exact: true }).fill('Il faut d’abord consulter la liste');
      await frenchCall.getByRole('button', { name: 'Formuler une objection', exact: true }).click();
      await expect(
        frenchCall.getByText('Vous avez formulé une objection\u00a0: «\u00a0Il faut d’abord consulter la liste\u00a0».', { exact: true }),
      ).toBeVisible();
      await expect(arabicCall).toContainText('اعتراض واحد حتى الآن');
    });

    await test.step('the chair closes the call: the outcome in each language', async () => {
      await chair
        .getByRole('region', { name: 'Consensus call', exact: true })
        .getByRole('button', { name: 'Close the call', exact: true })
        .click();
      await expect(layla.getByTestId('consensus-outcome')).toHaveText(`اعتراضات من: ${JEAN} (Il faut d’abord consulter la liste)`);
      await expect(jean.getByTestId('consensus-outcome')).toHaveText(`Objections de ${JEAN} (Il faut d’abord consulter la liste)`);
      await expect(chair.getByTestId('chair-consensus').getByTestId('earlier-call')).toContainText(`Objections from ${JEAN}`);
    });

    await test.step('the language menu changes the language at once, and the choice is kept', async () => {
      await layla.getByLabel('اللغة', { exact: true }).selectOption({ label: 'English' });
      await expect(layla.locator('html')).toHaveAttribute('dir', 'ltr');
      await expect(layla.locator('html')).toHaveAttribute('lang', 'en');
      await expect(layla.getByRole('region', { name: 'Has the floor', exact: true }).getByText('You', { exact: true })).toBeVisible();
      await expect(layla.getByLabel('Language', { exact: true })).toHaveValue('en');

      await layla.reload();
      await expect(layla.getByText(`You are ${LAYLA}, member.`, { exact: true })).toBeVisible();
      await layla.getByLabel('Language', { exact: true }).selectOption({ label: 'العربية' });
      await expect(layla.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(layla.getByText(`أنت ${LAYLA} (عضو).`, { exact: true })).toBeVisible();

      await jean.getByLabel('Langue', { exact: true }).selectOption({ label: '中文' });
      await expect(jean.locator('html')).toHaveAttribute('lang', 'zh-Hans');
      await expect(jean.getByText(`您是${JEAN}（成员）。`, { exact: true })).toBeVisible();
      await expect(jean.getByRole('heading', { name: '发言者名单', exact: true })).toBeVisible();
    });

    for (const page of [chair, layla, jean]) await page.context().close();
  });
});
