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
import { chromium, type BrowserContext } from 'playwright-core';
import { serveWorkbench, type RunningWorkbench } from './serve';
import { type BrowserCase, type CaseContext, CheckFailure } from './browser/helpers';
import { SCREEN_CASES } from './browser/screenCases';
import { SETUP_CASES } from './browser/setupCases';

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

export const CASES: BrowserCase[] = [...SETUP_CASES, ...SCREEN_CASES];

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
