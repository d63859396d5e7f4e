import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeAnalytics } from './analytics';
import { xmlLeaves } from './analytics/xml-leaves';
import { loadSchema } from './schema';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'clean-project');
const DEFAULT = 'force-app/main/default';
const REPORT_TYPE = `${DEFAULT}/reportTypes/Call_Notes.reportType-meta.xml`;
const REPORT = `${DEFAULT}/reports/Call_Notes/Minutes_By_Company.report-meta.xml`;
const DASHBOARD = `${DEFAULT}/dashboards/Call_Notes/Call_Notes.dashboard-meta.xml`;

let root = '';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-analytics-'));
  fs.cpSync(path.join(FIXTURE, 'force-app'), path.join(root, 'force-app'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURE, 'sfdx-project.json'), path.join(root, 'sfdx-project.json'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Replaces the first occurrence of from in the project file (and fails the test when it is not there). */
function edit(file: string, from: string, to: string): void {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(full, text.replace(from, to));
}

/** The issues as `file:line: message`, with files relative to the project. */
function issues(): string[] {
  return analyzeAnalytics(root, loadSchema(root)).issues.map(
    (i) => `${path.relative(root, i.file)}:${i.line}: ${i.message}`
  );
}

describe('report type, report and dashboard references', () => {
  it('accepts the fixture and counts what it checked', () => {
    const result = analyzeAnalytics(root, loadSchema(root));
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ reportTypes: 1, reports: 1, dashboards: 1 });
    expect(result.references).toBe(15);
  });

  it('rejects a report column whose field does not exist, at its line', () => {
    edit(REPORT, '<field>Call_Note__c$Name</field>', '<field>Call_Note__c$Nope__c</field>');
    expect(issues()).toEqual([
      `${REPORT}:32: column Call_Note__c$Nope__c is not a column of report type Call_Notes (unknown field Nope__c on Call_Note__c)`
    ]);
  });

  it('rejects a real field the report type does not offer, and says where to add it', () => {
    edit(
      REPORT,
      '<column>Call_Note__c$Minutes__c</column>\n      <columnToColumn>',
      '<column>Call_Note__c$Body__c</column>\n      <columnToColumn>'
    );
    expect(issues()).toEqual([
      `${REPORT}:41: filter Call_Note__c$Body__c is not a column of report type Call_Notes (add it to a section of Call_Notes.reportType-meta.xml)`
    ]);
  });

  it('rejects a report type column that follows a lookup to a missing field', () => {
    edit(REPORT_TYPE, '<field>Lead__c.Company</field>', '<field>Lead__c.Compny</field>');
    const found = issues();
    expect(found).toContain(
      `${REPORT_TYPE}:27: unknown field Compny on Lead (report type Call_Notes, table Call_Note__c)`
    );
    // The report still groups by Lead__c.Company, which the report type no longer offers.
    expect(found).toContain(
      `${REPORT}:50: grouping Call_Note__c$Lead__c.Company is not a column of report type Call_Notes (add it to a section of Call_Notes.reportType-meta.xml)`
    );
  });

  it('rejects an unknown lookup, an unknown base object and an unknown report type', () => {
    edit(REPORT_TYPE, '<field>Lead__c.Company</field>', '<field>Led__c.Company</field>');
    expect(issues()).toContain(
      `${REPORT_TYPE}:27: unknown lookup Led__c on Call_Note__c (report type Call_Notes, table Call_Note__c)`
    );
    edit(REPORT_TYPE, '<baseObject>Call_Note__c</baseObject>', '<baseObject>Call_Note</baseObject>');
    edit(REPORT, '<reportType>Call_Notes__c</reportType>', '<reportType>Calls_Notes__c</reportType>');
    expect(issues()).toEqual([
      `${REPORT}:54: unknown report type Calls_Notes__c (no reportTypes/Calls_Notes.reportType-meta.xml)`,
      `${REPORT_TYPE}:3: unknown base object Call_Note of report type Call_Notes`
    ]);
  });

  it('rejects a grouping that is also a column, a Summary report without groupings and a stray chart grouping', () => {
    edit(REPORT, '<field>Call_Note__c$Name</field>', '<field>Call_Note__c$Lead__c.Company</field>');
    expect(issues()).toEqual([
      `${REPORT}:50: Call_Note__c$Lead__c.Company is both a grouping and a column (a deploy rejects that)`
    ]);
    edit(REPORT, '<groupingsDown>', '<groupingsAcross>');
    edit(REPORT, '</groupingsDown>', '</groupingsAcross>');
    expect(issues()).toContain(
      `${REPORT}:48: a Summary report needs row groupings (groupingsDown) and no groupingsAcross`
    );
  });

  it('checks summary formulas, their grouping context and chart summaries', () => {
    edit(REPORT, 'Call_Note__c.Minutes__c:SUM', 'Call_Note__c.Body__c:SUM');
    edit(
      REPORT,
      '<downGroupingContext>Call_Note__c$Lead__c.Company',
      '<downGroupingContext>Call_Note__c$Name'
    );
    edit(REPORT, '<aggregate>Sum</aggregate>', '<aggregate>Average</aggregate>');
    expect(issues()).toEqual([
      `${REPORT}:4: formula field Call_Note__c.Body__c is not a column of report type Call_Notes`,
      `${REPORT}:7: grouping context Call_Note__c$Name is not a grouping of this report (nor GRAND_SUMMARY)`,
      `${REPORT}:19: chart summary Average of Call_Note__c$Minutes__c: the column of Call_Notes/Minutes_By_Company does not summarize it (aggregateTypes)`
    ]);
  });

  it('rejects a dashboard component naming an unknown report, or a grouping its report lacks', () => {
    edit(DASHBOARD, '<groupingColumn>Call_Note__c$Lead__c.Company', '<groupingColumn>Call_Note__c$Name');
    expect(issues()).toEqual([
      `${DASHBOARD}:18: grouping Call_Note__c$Name is not a grouping of report Call_Notes/Minutes_By_Company`
    ]);
    edit(DASHBOARD, '<report>Call_Notes/Minutes_By_Company</report>', '<report>Call_Notes/Minutes</report>');
    expect(issues()).toEqual([
      `${DASHBOARD}:20: unknown report Call_Notes/Minutes (no reports/Call_Notes/Minutes.report-meta.xml)`
    ]);
  });

  it('requires the folder of a report or dashboard in the project', () => {
    fs.rmSync(path.join(root, DEFAULT, 'reports', 'Call_Notes.reportFolder-meta.xml'));
    expect(issues()).toEqual([
      `${REPORT}:1: folder Call_Notes of Minutes_By_Company has no Call_Notes.reportFolder-meta.xml beside it`
    ]);
  });

  it('checks Object.Field columns of standard report types and leaves platform column names alone', () => {
    edit(
      REPORT,
      '<reportType>Call_Notes__c</reportType>',
      '<reportType>CustomEntity$Call_Note__c</reportType>'
    );
    edit(REPORT, '<field>Call_Note__c$Name</field>', '<field>Call_Note__c.Minuts__c</field>');
    edit(
      REPORT,
      '<dateColumn>Call_Note__c$CreatedDate</dateColumn>',
      '<dateColumn>CREATED_DATE</dateColumn>'
    );
    expect(issues().filter((i) => i.includes('Minuts'))).toEqual([
      `${REPORT}:32: column Call_Note__c.Minuts__c: unknown field Minuts__c on Call_Note__c`
    ]);
    expect(issues().filter((i) => i.includes('CREATED_DATE'))).toEqual([]);
  });
});

describe('xmlLeaves', () => {
  it('gives each text node its element path, decoded text, offset and enclosing elements', () => {
    const text = '<?xml version="1.0"?>\n<A><!-- c --><b>x &amp; y</b><c><d>1</d></c><c><d>2</d></c><e/></A>';
    const leaves = xmlLeaves(text);
    expect(leaves.map((l) => [l.path, l.value])).toEqual([
      ['A/b', 'x & y'],
      ['A/c/d', '1'],
      ['A/c/d', '2']
    ]);
    expect(text.slice(leaves[0]?.offset)).toMatch(/^x &amp; y/);
    expect(leaves[1]?.scope.get('c')).not.toBe(leaves[2]?.scope.get('c'));
  });
});
