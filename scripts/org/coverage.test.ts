import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { judgeCoverage, parsePercent, readSummary } from './coverage';

describe('Apex coverage gate', () => {
  it('passes at or above 90 % with every test passing', () => {
    expect(
      judgeCoverage(
        { testsRan: 120, passing: 120, failing: 0, outcome: 'Passed', orgWideCoverage: '90%' },
        90
      ).ok
    ).toBe(true);
  });

  it('fails under 90 %, on a failed test, with no tests, and without coverage figures', () => {
    expect(
      judgeCoverage({ testsRan: 120, passing: 120, failing: 0, orgWideCoverage: '89.5%' }, 90).lines
    ).toContain('FAIL: org-wide coverage below 90 %');
    expect(judgeCoverage({ testsRan: 120, passing: 119, failing: 1, orgWideCoverage: '95%' }, 90).ok).toBe(
      false
    );
    expect(judgeCoverage({ testsRan: 0, failing: 0, orgWideCoverage: '100%' }, 90).ok).toBe(false);
    expect(judgeCoverage({ testsRan: 3, failing: 0 }, 90).ok).toBe(false);
    expect(judgeCoverage(undefined, 90).ok).toBe(false);
  });

  it('reads the files sf writes to --output-dir', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apex-results-'));
    writeFileSync(path.join(dir, 'test-run-id.txt'), '707xx0000000001\n');
    writeFileSync(
      path.join(dir, 'test-result-707xx0000000001.json'),
      JSON.stringify({ summary: { testsRan: 2, passing: 2, failing: 0, orgWideCoverage: '93%' }, tests: [] })
    );
    expect(readSummary(dir)).toMatchObject({ orgWideCoverage: '93%' });
    expect(readSummary(path.join(dir, 'nope'))).toBeUndefined();
    expect(parsePercent('93%')).toBe(93);
    expect(parsePercent('n/a')).toBeUndefined();
  });
});
