/**
 * `npm run test:browser`: our screens in a real browser. Builds the workbench, serves it on a random
 * local port and drives Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH, or Playwright's own
 * download) through playwright-core: every screen loads without console errors and shows its fixture
 * content, the main actions work, keyboard focus order is sane, and axe-core finds no serious or
 * critical violations. Screenshots of every screen go to test-results/workbench/.
 *
 * Prints one line per case and, last, exactly `Browser: N passed, N failed`; exits 1 on any
 * failure. Bounded: each case 45 s, the cases 4 min at most.
 *
 * Options: `--only <text>` runs the cases whose name contains the text; `--no-build` reuses dist/workbench.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { serveWorkbench, type RunningWorkbench } from './serve';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'workbench');
const CASE_TIMEOUT_MS = 45_000;
/**
 * Budget for the cases once the build is done (the build itself takes ~25 s on an idle 2-core machine):
 * 30 cases at 3–8 s each.
 */
const RUN_BUDGET_MS = 240_000;
/** Flags that need no network, GPU or sandbox (CI containers); the profile is a fresh temp dir. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/** CHROMIUM_PATH, else Debian's chromium, else a browser from `npx playwright-core install chromium`. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = fs.existsSync
): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core knows no downloaded browser on this machine.
  }
  return candidates.find(
    (candidate): candidate is string =>
      typeof candidate === 'string' && candidate.length > 0 && exists(candidate)
  );
}

class CheckFailure extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new CheckFailure(message);
  }
}

interface CaseContext {
  page: Page;
  /**
   * Opens a workbench route (`sync-log`, `lead`, …) and waits for the shell; `state` picks a sample state
   * (fixtures named `X.y.<state>.json`, e.g. `urlNotSet`).
   */
  open: (route: string, state?: string) => Promise<void>;
  screenshot: (name: string) => Promise<void>;
}

interface BrowserCase {
  name: string;
  run: (context: CaseContext) => Promise<void>;
}

/** Text of the toasts on screen. */
async function toastTexts(page: Page): Promise<string[]> {
  return page.locator('lightning-toast').allInnerTexts();
}

async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  const toast = page.locator('lightning-toast').filter({ hasText: text });
  try {
    await toast.first().waitFor({ state: 'visible', timeout: 8000 });
  } catch {
    throw new CheckFailure(
      `no toast matching ${String(text)} (toasts: ${JSON.stringify(await toastTexts(page))})`
    );
  }
}

/** Picks an option of a lightning-combobox (button role=combobox, then role=option). */
async function chooseOption(combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.getByRole('combobox').click();
  await combobox
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

const DATATABLE_ROWS = 'c-sync-log lightning-datatable tbody tr';

async function syncLogReady(page: Page): Promise<void> {
  await page.locator(DATATABLE_ROWS).first().waitFor({ timeout: 15_000 });
  await page
    .locator('c-sync-log .page-text')
    .filter({ hasText: /of \d+/ })
    .waitFor();
}

/** Role and accessible name of the focused element (Playwright's accessibility snapshot of `:focus`). */
async function focusedElement(page: Page): Promise<{ role: string; name: string; visible: boolean } | null> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) {
    return null;
  }
  // First line: `- button "Save settings"`, `- combobox "Status": All`, `- 'link "Lead: Maria"':` (YAML-quoted).
  const line = (await focused.first().ariaSnapshot({ timeout: 2000 })).split('\n')[0] ?? '';
  const unquoted = line.replace(/^- '(.*)'(:?.*)$/, (_, inner: string) => `- ${inner.replace(/''/g, "'")}`);
  const match = /^- (\w+)(?: "((?:[^"\\]|\\.)*)")?/.exec(unquoted);
  const box = await focused.first().boundingBox();
  return {
    role: match?.[1] ?? 'generic',
    name: match?.[2] ?? '',
    visible: box !== null && box.width > 0 && box.height > 0
  };
}

/** Tabs through the page and returns the names of the focus stops (fails on lost or invisible focus). */
async function tabStops(page: Page, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (!focused) {
      break; // Past the last control: focus went back to the document.
    }
    check(focused.visible, `Tab stop ${i + 1} (${focused.role} "${focused.name}") is not visible`);
    check(focused.name.length > 0, `Tab stop ${i + 1} (${focused.role}) has no accessible name`);
    names.push(focused.name);
  }
  return names;
}

/** Asserts that `expected` names appear in `stops` in this order (other stops may lie between). */
function expectInOrder(stops: string[], expected: (string | RegExp)[]): void {
  let index = 0;
  for (const want of expected) {
    const found = stops.findIndex(
      (stop, i) => i >= index && (typeof want === 'string' ? stop === want : want.test(stop))
    );
    check(
      found >= 0,
      `focus order: "${String(want)}" not reached after "${stops[index - 1] ?? 'start'}" (stops: ${stops.join(' | ')})`
    );
    index = found + 1;
  }
}

/**
 * Contrast ratio (WCAG 2) of an element's text colour against the first opaque background behind it.
 * axe-core reports text over some backgrounds as "incomplete" rather than a violation, so the screens'
 * error states are checked directly.
 */
async function contrastRatio(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const parse = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
      const channel = (v: number): number => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let node: Element | null = element;
    let background = [255, 255, 255];
    while (node) {
      const rgba = parse(getComputedStyle(node).backgroundColor);
      if (rgba.length >= 3 && (rgba[3] === undefined || rgba[3] > 0.5)) {
        background = rgba;
        break;
      }
      node = node.parentElement;
    }
    const foreground = luminance(parse(getComputedStyle(element).color));
    const back = luminance(background);
    return (Math.max(foreground, back) + 0.05) / (Math.min(foreground, back) + 0.05);
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => {
    // axe-core's global, injected just above.
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object
          ): Promise<{
            violations: Array<{
              id: string;
              impact?: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const run = await axe.run(document, { resultTypes: ['violations'] });
    return run.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target))
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

const SCREENS: Array<{ route: string; ready: (page: Page) => Promise<void> }> = [
  {
    route: 'setup',
    ready: (page) => page.locator('c-voice-setup .status-counts li').first().waitFor({ timeout: 15_000 })
  },
  {
    route: 'field-mapping',
    ready: (page) =>
      page.locator('c-field-mapping table.mappings tbody tr').first().waitFor({ timeout: 15_000 })
  },
  { route: 'sync-log', ready: syncLogReady },
  {
    route: 'lead',
    ready: (page) => page.locator('c-call-log-panel li.call').first().waitFor({ timeout: 15_000 })
  },
  {
    route: 'contact',
    ready: (page) => page.locator('c-call-log-panel li.call').first().waitFor({ timeout: 15_000 })
  }
];

function screen(route: string): (typeof SCREENS)[number] {
  const found = SCREENS.find((s) => s.route === route);
  if (!found) {
    throw new Error(`unknown screen ${route}`);
  }
  return found;
}

export const CASES: BrowserCase[] = [
  {
    name: 'Setup loads: connection, health badges, 14-day chart bars, settings',
    async run({ page, open, screenshot }) {
      await open('setup');
      await screen('setup').ready(page);
      const setup = page.locator('c-voice-setup');
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
      const connection = page.locator('c-voice-connection-card');
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
      const user = page.locator('c-voice-integration-user-card');
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
      const user = page.locator('c-voice-integration-user-card');
      const summary = await user.locator('.integration-user-summary').innerText();
      check(summary.includes('2 missing') && summary.includes('Apex REST Services'), `summary: ${summary}`);
      const missing = user
        .locator('li.check')
        .filter({ has: page.locator('lightning-icon[icon-name="utility:error"]') });
      const texts = await missing.allInnerTexts();
      check(texts.length === 2, `missing checks: ${JSON.stringify(texts)}`);
      check(
        texts.every((t) => t.includes('Voice_Call_Integration_API')),
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
      const connection = page.locator('c-voice-connection-card');
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
      const user = page.locator('c-voice-integration-user-card');
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
      const setup = page.locator('c-voice-setup');
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
      const card = page.locator('c-voice-retry-job');
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
      const setup = page.locator('c-voice-setup');
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
      const setup = page.locator('c-voice-setup');
      await chooseOption(
        setup.locator('lightning-combobox').filter({ hasText: 'Owner of the Task and Event' }),
        'A default owner'
      );
      const picker = setup.locator('c-voice-settings-form lightning-record-picker');
      await picker.waitFor();
      await chooseOption(picker, 'Priya Raman');
      await setup.getByRole('button', { name: 'Save settings' }).click();
      await expectToast(page, 'Settings saved');
    }
  },
  {
    name: 'Field Mapping loads: mapping rows with default badges',
    async run({ page, open, screenshot }) {
      await open('field-mapping');
      await screen('field-mapping').ready(page);
      const rows = await page.locator('c-field-mapping table.mappings tbody tr').count();
      check(rows === 12, `expected 12 mapping rows, got ${rows}`);
      const defaults = await page
        .locator('c-field-mapping lightning-badge')
        .filter({ hasText: 'Default' })
        .count();
      check(defaults >= 1, 'no Default badges');
      await screenshot('field-mapping');
    }
  },
  {
    name: 'Field Mapping: a type clash is flagged and blocks Save',
    async run({ page, open, screenshot }) {
      await open('field-mapping');
      await screen('field-mapping').ready(page);
      const mapping = page.locator('c-field-mapping');
      const row = mapping
        .locator('table.mappings tbody tr')
        .filter({ has: page.locator('lightning-combobox.payload-key', { hasText: 'disposition' }) });
      check((await row.count()) === 1, 'the disposition → Task.Call_Result__c row is missing');
      await chooseOption(row.locator('lightning-combobox.payload-key'), /^summary/);
      const problem = row.locator('.problem');
      await problem.waitFor({ timeout: 8000 });
      const reason = await problem.innerText();
      check(/can't go into Task\.Call_Result__c/.test(reason), `problem text: ${reason}`);
      const ratio = await contrastRatio(problem);
      check(
        ratio >= 4.5,
        `the problem text is unreadable: contrast ${ratio.toFixed(2)}:1 against its row (WCAG AA needs 4.5:1)`
      );
      const save = mapping.getByRole('button', { name: 'Save', exact: true });
      check(await save.isDisabled(), 'Save stays enabled with a type clash');
      check(
        (await mapping.locator('.save-blocked').innerText()).trim().length > 0,
        'no reason shown for the blocked save'
      );
      await screenshot('field-mapping-clash');
      const violations = await axeViolations(page);
      check(violations.length === 0, `with the clash shown: ${violations.join('; ')}`);
    }
  },
  {
    name: 'Sync Log loads: 50 of 137 rows with statuses',
    async run({ page, open, screenshot }) {
      await open('sync-log');
      await screen('sync-log').ready(page);
      const rows = await page.locator(DATATABLE_ROWS).count();
      check(rows === 50, `expected 50 rows, got ${rows}`);
      const pageText = await page.locator('c-sync-log .page-text').innerText();
      check(pageText.includes('of 137'), `paging text: ${pageText}`);
      const text = await page.locator('c-sync-log lightning-datatable').innerText();
      for (const status of ['Logged', 'Failed', 'Unmatched', 'Dead Letter']) {
        check(text.includes(status), `no ${status} row`);
      }
      await screenshot('sync-log');
    }
  },
  {
    name: 'Sync Log: status filter narrows the rows',
    async run({ page, open }) {
      await open('sync-log');
      await screen('sync-log').ready(page);
      await chooseOption(page.locator('c-sync-log lightning-combobox[data-id="status"]'), 'Failed');
      const pageText = page.locator('c-sync-log .page-text');
      await pageText.filter({ hasNotText: 'of 137' }).waitFor({ timeout: 8000 });
      const statuses = await page.locator(`${DATATABLE_ROWS} td[data-label="Status"]`).allInnerTexts();
      check(statuses.length > 0 && statuses.length < 50, `filtered rows: ${statuses.length}`);
      check(
        statuses.every((s) => s.trim() === 'Failed'),
        `non-Failed rows after filtering: ${JSON.stringify([...new Set(statuses)])}`
      );
    }
  },
  {
    name: 'Sync Log: retry selected → confirm → toast, row re-queued',
    async run({ page, open, screenshot }) {
      await open('sync-log');
      await screen('sync-log').ready(page);
      const failedRow = page.locator(DATATABLE_ROWS).filter({ hasText: 'CL-002479' });
      await failedRow.locator('lightning-primitive-cell-checkbox label').click();
      await page.getByRole('button', { name: /Retry selected/ }).click();
      await page.getByRole('heading', { name: 'Retry selected calls' }).waitFor();
      await screenshot('sync-log-confirm');
      await page.getByRole('button', { name: 'OK', exact: true }).click();
      await expectToast(page, '1 call was re-queued for processing.');
      await screenshot('sync-log-retried');
      await page
        .locator(DATATABLE_ROWS)
        .filter({ hasText: 'CL-002479' })
        .filter({ hasText: 'Received' })
        .waitFor({ timeout: 8000 });
    }
  },
  {
    name: 'Sync Log: row detail shows the error and the raw payload',
    async run({ page, open, screenshot }) {
      await open('sync-log');
      await screen('sync-log').ready(page);
      await page.locator(DATATABLE_ROWS).getByRole('button', { name: 'CL-002479' }).click();
      const detail = page.locator('c-sync-log lightning-card.detail');
      await detail.getByText('UNABLE_TO_LOCK_ROW', { exact: false }).first().waitFor();
      await detail.locator('pre.payload').waitFor();
      check(
        (await detail.locator('pre.payload').innerText()).includes('call_e97bc44598cc29cb'),
        'raw payload missing'
      );
      await detail.scrollIntoViewIfNeeded();
      await screenshot('sync-log-detail');
    }
  },
  {
    name: 'Sync Log: matched-record links open the sample Contact or say where they would go',
    async run({ page, open }) {
      await open('sync-log');
      await screen('sync-log').ready(page);
      await page.locator(DATATABLE_ROWS).getByRole('link', { name: 'Priya Raman' }).first().click();
      await expectToast(page, /would open .*00Q5g00000Lb7RkEAJ/);
      check(page.url().endsWith('#/sync-log'), `left the sync log: ${page.url()}`);
      await page.locator(DATATABLE_ROWS).getByRole('link', { name: 'Daniel Okafor' }).first().click();
      await page.waitForURL(/#\/contact$/);
      await screen('contact').ready(page);
    }
  },
  {
    name: 'Lead record page: call log panel shows calls and loads more',
    async run({ page, open, screenshot }) {
      await open('lead');
      await screen('lead').ready(page);
      const panel = page.locator('c-call-log-panel');
      await panel.getByText('Calls (27)').waitFor();
      check((await panel.locator('li.call').count()) === 10, 'first page is not 10 calls');
      check((await panel.locator('.appointment').count()) > 0, 'no appointment chips');
      await screenshot('lead');
      await panel.getByRole('button', { name: 'Load more' }).click();
      await panel.getByText('Showing 20 of 27 calls').waitFor({ timeout: 8000 });
      check((await panel.locator('li.call').count()) === 20, 'load more did not add 10 calls');
      // refreshApex re-runs the wire against the in-memory store: back to the first page.
      await panel.getByRole('button', { name: 'Refresh calls' }).click();
      await panel.getByText('Showing 10 of 27 calls').waitFor({ timeout: 8000 });
    }
  },
  {
    name: 'Lead record page: Open Task says where Lightning would go',
    async run({ page, open }) {
      await open('lead');
      await screen('lead').ready(page);
      await page.locator('c-call-log-panel').getByRole('button', { name: 'Open Task' }).first().click();
      await expectToast(page, /would open Task 00T/);
    }
  },
  {
    name: 'Contact record page: call log panel',
    async run({ page, open, screenshot }) {
      await open('contact');
      await screen('contact').ready(page);
      const panel = page.locator('c-call-log-panel');
      await panel.getByText(/^Calls \(\d+\)$/).waitFor();
      // The Contact's own calls (from the sync log fixture), not the Lead's.
      const first = await panel.locator('li.call h3').first().innerText();
      check(first.includes('(312) 555-0178'), `first call on the Contact: ${first}`);
      await screenshot('contact');
    }
  },
  {
    name: 'Keyboard: Tab reaches navigation, then Setup controls in reading order',
    async run({ page, open }) {
      await open('setup');
      await screen('setup').ready(page);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      const stops = await tabStops(page, 60);
      check(
        stops.slice(0, 3).join(' | ') === 'Setup | Field Mapping | Sync Log',
        `first Tab stops: ${stops.slice(0, 5).join(' | ')}`
      );
      expectInOrder(stops, [
        'Setup',
        'Field Mapping',
        'Sync Log',
        /^Lead: /,
        /^Contact: /,
        'Missing permission',
        'Test connection',
        /API key/,
        /User the voice system runs as/,
        /Refresh/,
        'Save settings',
        'Start backfill',
        'Run now',
        /Phone number/
      ]);
    }
  },
  {
    name: 'Keyboard: Tab reaches Sync Log actions, filters, then the table',
    async run({ page, open }) {
      await open('sync-log');
      await screen('sync-log').ready(page);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      const stops = await tabStops(page, 30);
      expectInOrder(stops, [
        /Refresh/,
        'Re-sync all failed',
        /Status/,
        /Received from/,
        /Received to/,
        /Phone number/,
        'Clear filters'
      ]);
    }
  },
  ...SCREENS.map(({ route, ready }): BrowserCase => ({
    name: `axe-core: no serious or critical violations on ${route}`,
    async run({ page, open }) {
      await open(route);
      await ready(page);
      const violations = await axeViolations(page);
      check(violations.length === 0, violations.join('\n      '));
    }
  }))
];

async function runCase(
  context: BrowserContext,
  workbench: RunningWorkbench,
  testCase: BrowserCase
): Promise<string | undefined> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text().split('\n')[0]}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message.split('\n')[0]}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  page.setDefaultTimeout(10_000);
  const caseContext: CaseContext = {
    page,
    open: async (route, state) => {
      // Short simulated latency keeps spinners honest without slowing the run.
      const query = state ? `latency=30&state=${encodeURIComponent(state)}` : 'latency=30';
      await page.goto(`${workbench.url}?${query}#/${route}`);
      await page.locator('wb-app main').waitFor();
    },
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    }
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      testCase.run(caseContext),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new CheckFailure(`timed out after ${CASE_TIMEOUT_MS / 1000} s`)),
          CASE_TIMEOUT_MS
        );
      })
    ]);
    return problems.length > 0 ? problems.join('\n      ') : undefined;
  } catch (error) {
    const message =
      error instanceof CheckFailure
        ? error.message
        : (error as Error).message.split('\n').slice(0, 3).join(' ');
    return [message, ...problems].join('\n      ');
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

async function main(argv: string[]): Promise<number> {
  const started = Date.now();
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  const cases = CASES.filter((c) => !only || c.name.toLowerCase().includes(only.toLowerCase()));

  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      'Browser tests: no Chromium found — install it (Debian/Ubuntu: `sudo apt-get install chromium`; macOS/Windows: `npx playwright-core install chromium`) or set CHROMIUM_PATH.'
    );
    console.log(`Browser: 0 passed, ${cases.length} failed`);
    return 1;
  }

  let workbench: RunningWorkbench | undefined;
  let context: BrowserContext | undefined;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-chromium-'));
  let passed = 0;
  let failed = 0;
  try {
    workbench = await serveWorkbench({
      port: 0,
      projectRoot: PROJECT_ROOT,
      build: !argv.includes('--no-build'),
      // Development mode: the LWC engine reports template and API misuse as console errors.
      buildOptions: { dev: true },
      // The server's "press Ctrl-C" banner is for people, not for this run.
      log: (line) => (line.includes('Ctrl-C') ? undefined : console.log(line))
    });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      // The workbench's @salesforce/i18n/timeZone (the base components' en-US defaults).
      timezoneId: 'America/Los_Angeles'
    });
    console.log(`Browser tests: ${executablePath} against ${workbench.url}`);
    const casesStarted = Date.now();
    for (const testCase of cases) {
      if (Date.now() - casesStarted > RUN_BUDGET_MS) {
        console.log(
          `✗ ${testCase.name}\n      skipped: the run exceeded its ${RUN_BUDGET_MS / 1000} s budget`
        );
        failed += 1;
        continue;
      }
      const caseStarted = Date.now();
      const failure = await runCase(context, workbench, testCase);
      const seconds = ((Date.now() - caseStarted) / 1000).toFixed(1);
      if (failure) {
        failed += 1;
        console.log(`✗ ${testCase.name} (${seconds} s)\n      ${failure}`);
      } else {
        passed += 1;
        console.log(`✓ ${testCase.name} (${seconds} s)`);
      }
    }
    console.log(
      `Screenshots: ${path.relative(PROJECT_ROOT, SCREENSHOT_DIR)}/ (run took ${Math.round((Date.now() - started) / 1000)} s with the build)`
    );
  } catch (error) {
    console.error(`Browser tests could not run: ${(error as Error).message.split('\n')[0]}`);
    failed += Math.max(1, cases.length - passed - failed);
  } finally {
    await context?.close().catch(() => undefined);
    await workbench?.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`Browser: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
