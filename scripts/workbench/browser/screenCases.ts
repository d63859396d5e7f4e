/** Browser cases of Field Mapping, Sync Log and the record-page call panel, keyboard order and axe-core on every screen. */
import {
  axeViolations,
  type BrowserCase,
  check,
  chooseOption,
  contrastRatio,
  DATATABLE_ROWS,
  expectInOrder,
  expectToast,
  screen,
  SCREENS,
  tabStops
} from './helpers';

export const SCREEN_CASES: BrowserCase[] = [
  {
    name: 'Field Mapping loads: mapping rows with default badges',
    async run({ page, open, screenshot }) {
      await open('field-mapping');
      await screen('field-mapping').ready(page);
      const rows = await page.locator('c-vcl-field-mapping table.mappings tbody tr').count();
      check(rows === 12, `expected 12 mapping rows, got ${rows}`);
      const defaults = await page
        .locator('c-vcl-field-mapping lightning-badge')
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
      const mapping = page.locator('c-vcl-field-mapping');
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
      const pageText = await page.locator('c-vcl-sync-log .page-text').innerText();
      check(pageText.includes('of 137'), `paging text: ${pageText}`);
      const text = await page.locator('c-vcl-sync-log lightning-datatable').innerText();
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
      await chooseOption(page.locator('c-vcl-sync-log lightning-combobox[data-id="status"]'), 'Failed');
      const pageText = page.locator('c-vcl-sync-log .page-text');
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
      const detail = page.locator('c-vcl-sync-log lightning-card.detail');
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
      const panel = page.locator('c-vcl-call-log-panel');
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
      await page.locator('c-vcl-call-log-panel').getByRole('button', { name: 'Open Task' }).first().click();
      await expectToast(page, /would open Task 00T/);
    }
  },
  {
    name: 'Lead record page: a transcript File opens the file preview',
    async run({ page, open }) {
      await open('lead');
      await screen('lead').ready(page);
      await page.locator('c-vcl-call-log-panel').getByRole('button', { name: 'Transcript' }).first().click();
      await expectToast(page, /would preview File 069/);
    }
  },
  {
    name: 'Contact record page: call log panel',
    async run({ page, open, screenshot }) {
      await open('contact');
      await screen('contact').ready(page);
      const panel = page.locator('c-vcl-call-log-panel');
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
