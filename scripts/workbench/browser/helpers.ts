/**
 * What the browser cases share: the check that fails a case, the context each case gets (page, open a screen,
 * screenshot), toast/combobox/focus helpers, colour contrast and axe-core, and the screens with their "ready"
 * signals.
 */
import * as fs from 'node:fs';
import { type Locator, type Page } from 'playwright-core';

export class CheckFailure extends Error {}

export function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new CheckFailure(message);
  }
}

export interface CaseContext {
  page: Page;
  /**
   * Opens a workbench route (`sync-log`, `lead`, …) and waits for the shell; `state` picks a sample state
   * (fixtures named `X.y.<state>.json`, e.g. `urlNotSet`).
   */
  open: (route: string, state?: string) => Promise<void>;
  screenshot: (name: string) => Promise<void>;
}

export interface BrowserCase {
  name: string;
  run: (context: CaseContext) => Promise<void>;
}

/** Text of the toasts on screen. */
export async function toastTexts(page: Page): Promise<string[]> {
  return page.locator('lightning-toast').allInnerTexts();
}

export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
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
export async function chooseOption(combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.getByRole('combobox').click();
  await combobox
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

export const DATATABLE_ROWS = 'c-vcl-sync-log lightning-datatable tbody tr';

export async function syncLogReady(page: Page): Promise<void> {
  await page.locator(DATATABLE_ROWS).first().waitFor({ timeout: 15_000 });
  await page
    .locator('c-vcl-sync-log .page-text')
    .filter({ hasText: /of \d+/ })
    .waitFor();
}

/** Role and accessible name of the focused element (Playwright's accessibility snapshot of `:focus`). */
export async function focusedElement(
  page: Page
): Promise<{ role: string; name: string; visible: boolean } | null> {
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
export async function tabStops(page: Page, count: number): Promise<string[]> {
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
export function expectInOrder(stops: string[], expected: (string | RegExp)[]): void {
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
export async function contrastRatio(locator: Locator): Promise<number> {
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

export async function axeViolations(page: Page): Promise<string[]> {
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

export const SCREENS: Array<{ route: string; ready: (page: Page) => Promise<void> }> = [
  {
    route: 'setup',
    ready: (page) => page.locator('c-vcl-setup .status-counts li').first().waitFor({ timeout: 15_000 })
  },
  {
    route: 'field-mapping',
    ready: (page) =>
      page.locator('c-vcl-field-mapping table.mappings tbody tr').first().waitFor({ timeout: 15_000 })
  },
  { route: 'sync-log', ready: syncLogReady },
  {
    route: 'lead',
    ready: (page) => page.locator('c-vcl-call-log-panel li.call').first().waitFor({ timeout: 15_000 })
  },
  {
    route: 'contact',
    ready: (page) => page.locator('c-vcl-call-log-panel li.call').first().waitFor({ timeout: 15_000 })
  }
];

export function screen(route: string): (typeof SCREENS)[number] {
  const found = SCREENS.find((s) => s.route === route);
  if (!found) {
    throw new Error(`unknown screen ${route}`);
  }
  return found;
}
