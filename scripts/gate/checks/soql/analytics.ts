import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageDirs, walkFiles } from '../../lib/project';
import { analyzeDashboard } from './analytics/dashboards';
import { analyzeReportType, type ReportTypeInfo } from './analytics/report-types';
import { ReportAnalyzer, type ReportInfo } from './analytics/reports';
import type { Schema } from './schema';

/** A problem in a report type, report or dashboard, at a 1-based line of file (absolute path). */
export interface AnalyticsIssue {
  file: string;
  line: number;
  message: string;
}

export interface AnalyticsAnalysis {
  issues: AnalyticsIssue[];
  reportTypes: number;
  reports: number;
  dashboards: number;
  /** References checked (columns, filters, groupings, chart and dashboard columns, formula fields). */
  references: number;
}

/** A report or dashboard must sit in a folder the project defines (a package cannot use the org's). */
function checkFolder(file: string, suffix: string, folderSuffix: string, issues: AnalyticsIssue[]): void {
  const folderDir = path.dirname(file);
  const folderFile = `${folderDir}${folderSuffix}`;
  if (path.basename(folderDir) !== 'unfiled$public' && !fs.existsSync(folderFile)) {
    issues.push({
      file,
      line: 1,
      message: `folder ${path.basename(folderDir)} of ${path.basename(file, suffix)} has no ${path.basename(folderFile)} beside it`
    });
  }
}

/**
 * Checks every custom report type, report and dashboard under the package directories against the schema:
 * report-type columns name fields that exist (through lookups and joins); report columns, groupings,
 * filters, time frames, chart and summary-formula fields name columns their report type offers; dashboard
 * components name reports of the project and those reports' groupings and summaries.
 */
export function analyzeAnalytics(root: string, schema: Schema): AnalyticsAnalysis {
  const issues: AnalyticsIssue[] = [];
  const files = packageDirs(root).flatMap((dir) =>
    walkFiles(dir, (f) => /\.(reportType|report|dashboard)-meta\.xml$/.test(f))
  );
  const ofKind = (suffix: string): string[] => files.filter((f) => f.endsWith(suffix));
  let references = 0;

  const reportTypes = new Map<string, ReportTypeInfo>();
  for (const file of ofKind('.reportType-meta.xml')) {
    const result = analyzeReportType(schema, file, fs.readFileSync(file, 'utf8'), issues);
    references += result.references;
    if (result.info) {
      reportTypes.set(result.info.name.toLowerCase(), result.info);
    }
  }

  const reports = new Map<string, ReportInfo>();
  for (const file of ofKind('.report-meta.xml')) {
    checkFolder(file, '.report-meta.xml', '.reportFolder-meta.xml', issues);
    const analyzer = new ReportAnalyzer(file, fs.readFileSync(file, 'utf8'), reportTypes, schema, issues);
    analyzer.analyze();
    references += analyzer.references;
    reports.set(analyzer.info.fullName.toLowerCase(), analyzer.info);
  }

  const dashboards = ofKind('.dashboard-meta.xml');
  for (const file of dashboards) {
    checkFolder(file, '.dashboard-meta.xml', '.dashboardFolder-meta.xml', issues);
    references += analyzeDashboard(file, fs.readFileSync(file, 'utf8'), reports, issues);
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    issues,
    reportTypes: reportTypes.size,
    reports: reports.size,
    dashboards: dashboards.length,
    references
  };
}
