/** Browser cases of the Voice Setup screen: its states, actions and sample-state links. */
import {
  axeViolations,
  type BrowserCase,
  check,
  chooseOption,
  contrastRatio,
  expectToast,
  screen
} from './helpers';

export const SETUP_CASES: BrowserCase[] = [
  {
    name: 'Setup loads: connection, health badges, 14-day chart bars, settings',
    async run({ page, open, screenshot }) {
      await open('setup');
      await screen('setup').ready(page);
      const setup = page.locator('c-vcl-setup');
      await setup.getByText('Connected (HTTP 200)').waitFor();
      const badges = await setup.locator('.status-counts li').allInnerTexts();
      check(
        badges.some((b) => b.includes('Logged: 47')),
        `health badges: ${JSON.stringify(badges)}`
      );
      const bars = await setup.locator('svg.chart g.day').count();
      check(bars === 14, `chart shows ${bars} day columns, expected 14`);
      check((await setup.locator('svg.chart rect').count()) >= 14, 'chart has no bars');
      await setup.getByRole('combobox', { name: 'Match priority' }).waitFor();
      check(
        (await setup.getByLabel('Inbound call Task subject').inputValue()) === 'Inbound Call',
        'settings form not filled from the fixture'
      );
      await screenshot('setup');
    }
  },
  {
    name: 'Setup, ready state: Connection shows the URL and stored key, Integration user meets every check',
    async run({ page, open, screenshot }) {
      await open('setup');
      await screen('setup').ready(page);
      const connection = page.locator('c-vcl-connection-card');
      await connection.getByText('Connected (HTTP 200)').waitFor();
      const url = await connection.locator('.connection-url').innerText();
      check(url === 'https://api.voice.example.com/v1', `URL shown: ${url}`);
      check(
        (await connection.locator('.connection-api-key').innerText()).startsWith('Stored'),
        'API key not shown as stored'
      );
      check(
        (await connection.locator('.url-input').count()) === 0,
        'URL field offered although the URL is set'
      );
      const user = page.locator('c-vcl-integration-user-card');
      await user.locator('.integration-user-summary').filter({ hasText: 'can post calls' }).waitFor();
      const checks = await user.locator('li.check').allInnerTexts();
      check(checks.length === 5, `checks: ${JSON.stringify(checks)}`);
      check(
        (await user.locator('li.check lightning-icon[icon-name="utility:success"]').count()) === 5,
        'not every check is met'
      );
      await screenshot('setup-state-ready');
    }
  },
  {
    name: 'Setup, "missing permission" state: the Integration user card names what is missing and the fix',
    async run({ page, open, screenshot }) {
      await open('setup', 'missingPermission');
      await screen('setup').ready(page);
      const user = page.locator('c-vcl-integration-user-card');
      const summary = await user.locator('.integration-user-summary').innerText();
      check(summary.includes('2 missing') && summary.includes('Apex REST Services'), `summary: ${summary}`);
      const missing = user
        .locator('li.check')
        .filter({ has: page.locator('lightning-icon[icon-name="utility:error"]') });
      const texts = await missing.allInnerTexts();
      check(texts.length === 2, `missing checks: ${JSON.stringify(texts)}`);
      check(
        texts.every((t) => t.includes('Vcl_Integration_API')),
        `the fix is not named: ${JSON.stringify(texts)}`
      );
      const ratio = await contrastRatio(missing.first().locator('.check-detail'));
      check(ratio >= 4.5, `fix text contrast ${ratio.toFixed(2)}:1 (WCAG AA needs 4.5:1)`);
      await screenshot('setup-state-missing-permission');
      const violations = await axeViolations(page);
      check(violations.length === 0, violations.join('; '));
    }
  },
  {
    name: 'Setup, "URL not set" state: enter URL and API key, save → toast, URL shown, Test connection enabled',
    async run({ page, open, screenshot }) {
      await open('setup', 'urlNotSet');
      await screen('setup').ready(page);
      const connection = page.locator('c-vcl-connection-card');
      await connection.locator('.connection-url').filter({ hasText: 'Not set' }).waitFor();
      const test = connection.getByRole('button', { name: 'Test connection' });
      check(await test.isDisabled(), 'Test connection enabled without a URL');
      await screenshot('setup-state-url-not-set');
      await connection.getByLabel('Voice system URL').fill('https://api.voice.example.com/v1/');
      await connection.getByLabel('API key').fill('sk_live_workbench');
      await connection.getByRole('button', { name: 'Save connection' }).click();
      await expectToast(page, 'Connection saved');
      await connection
        .locator('.connection-url')
        .filter({ hasText: 'https://api.voice.example.com/v1' })
        .waitFor({ timeout: 8000 });
      check(
        (await connection.locator('.connection-api-key').innerText()).startsWith('Stored'),
        'key not shown as stored after saving'
      );
      check(
        (await connection.getByLabel('New API key').inputValue()) === '',
        'the key is still in the field after saving'
      );
      check(!(await test.isDisabled()), 'Test connection still disabled after saving');
    }
  },
  {
    name: 'Setup: the sample-state links switch states; choosing another integration user checks that user',
    async run({ page, open }) {
      await open('setup');
      await screen('setup').ready(page);
      await page.getByRole('link', { name: 'Missing permission' }).click();
      await page.waitForURL(/state=missingPermission/);
      await screen('setup').ready(page);
      const user = page.locator('c-vcl-integration-user-card');
      await user.locator('.integration-user-summary').filter({ hasText: '2 missing' }).waitFor();
      check(
        (await page.getByRole('link', { name: 'Missing permission' }).getAttribute('aria-current')) ===
          'page',
        'the current state is not marked'
      );
      await chooseOption(user.locator('lightning-record-picker'), 'Priya Raman');
      await user.getByRole('button', { name: 'Save and check' }).click();
      await expectToast(page, 'Integration user saved');
      await user
        .locator('.integration-user-summary')
        .filter({ hasText: 'missing for Priya Raman' })
        .waitFor();
    }
  },
  {
    name: 'Setup: phone index backfill shows progress and finishes',
    async run({ page, open, screenshot }) {
      await open('setup');
      await screen('setup').ready(page);
      const setup = page.locator('c-vcl-setup');
      await setup.getByRole('button', { name: 'Start backfill' }).click();
      await setup.locator('lightning-progress-bar.backfill-progress').waitFor({ timeout: 8000 });
      const firstCounts = await setup.locator('.backfill-counts').innerText();
      await setup.locator('.backfill-done').waitFor({ timeout: 20_000 });
      const lastCounts = await setup.locator('.backfill-counts').innerText();
      check(firstCounts !== lastCounts, `progress did not advance (${firstCounts})`);
      await expectToast(page, 'Phone index backfill finished');
      await screenshot('setup-backfill');
    }
  },
  {
    name: 'Setup: Retry job Run now → toast, status shows scheduled',
    async run({ page, open, screenshot }) {
      await open('setup');
      await screen('setup').ready(page);
      const card = page.locator('c-vcl-retry-job');
      const status = card.locator('.retry-job-status');
      await status.filter({ hasText: 'Not scheduled yet' }).waitFor();
      await card.getByRole('button', { name: 'Run now' }).click();
      await expectToast(page, 'Nothing to retry');
      await status.filter({ hasText: 'Running every 15 minutes' }).waitFor({ timeout: 8000 });
      const text = await status.innerText();
      check(/next run .*\d{1,2}:\d{2}/.test(text), `status: ${text}`);
      await screenshot('setup-retry-job');
    }
  },
  {
    name: 'Setup: Test Sync explains the match',
    async run({ page, open }) {
      await open('setup');
      await screen('setup').ready(page);
      const setup = page.locator('c-vcl-setup');
      await setup.getByLabel('Phone number').fill('(415) 555-0142');
      await setup.getByRole('button', { name: 'Test Sync' }).click();
      const explanation = setup.locator('.test-explanation');
      await explanation.waitFor();
      const text = await explanation.innerText();
      check(/Lead/.test(text) && text.includes('14155550142'), `explanation: ${text}`);
      check(
        await setup.getByText('Maria Gonzalez', { exact: false }).first().isVisible(),
        'matched record not shown'
      );
    }
  },
  {
    name: 'Setup: choosing a default owner (record picker stand-in) and saving → toast',
    async run({ page, open }) {
      await open('setup');
      await screen('setup').ready(page);
      const setup = page.locator('c-vcl-setup');
      await chooseOption(
        setup.locator('lightning-combobox').filter({ hasText: 'Owner of the Task and Event' }),
        'A default owner'
      );
      const picker = setup.locator('c-vcl-settings-form lightning-record-picker');
      await picker.waitFor();
      await chooseOption(picker, 'Priya Raman');
      await setup.getByRole('button', { name: 'Save settings' }).click();
      await expectToast(page, 'Settings saved');
    }
  },
  {
    name: 'Setup: Relate Contact calls to their open Opportunity shows off, with help, and saves when switched on',
    async run({ page, open }) {
      await open('setup');
      await screen('setup').ready(page);
      const setup = page.locator('c-vcl-setup');
      const relate = setup.locator('lightning-input[data-field="relateToOpenOpportunity"]');
      const box = relate.locator('input[type="checkbox"]');
      await box.waitFor({ state: 'attached' });
      check(!(await box.isChecked()), 'Relate To Open Opportunity should start off (the packaged default)');
      check(
        (await relate.innerText()).includes('Relate Contact calls to their open Opportunity'),
        'the checkbox has no label'
      );
      check((await relate.locator('lightning-helptext').count()) === 1, 'the checkbox has no help text');
      await relate.locator('label').first().click();
      check(await box.isChecked(), 'clicking the label did not switch it on');
      await setup.getByRole('button', { name: 'Save settings' }).click();
      await expectToast(page, 'Settings saved');
      check(await box.isChecked(), 'the saved value did not stay on');
    }
  }
];
