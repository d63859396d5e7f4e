/**
 * Reading `sf package create` / `sf package version create` / `sf package install` JSON results (their types:
 * @salesforce/plugin-packaging PackageCreate, PackageVersionCommandResult, PackageInstallRequest), pure, and
 * the package id in sfdx-project.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../cli/exec';
import { PACKAGE_NAME } from './commands';

export interface PackageVersionResult {
  Status?: string;
  SubscriberPackageVersionId?: string | null;
  VersionNumber?: string | null;
  CodeCoverage?: number | null;
  HasPassedCodeCoverageCheck?: boolean | null;
  Error?: unknown[];
}

export interface BuiltVersion {
  subscriberPackageVersionId: string;
  versionNumber: string;
  codeCoverage: number | undefined;
  passedCoverageCheck: boolean;
}

/** A version ready to install, or an error naming why not (status, errors from the Dev Hub). */
export function readPackageVersion(result: PackageVersionResult | undefined): BuiltVersion {
  if (result === undefined) throw new Error('sf package version create returned no result');
  const id = result.SubscriberPackageVersionId;
  if (result.Status !== 'Success' || typeof id !== 'string' || !id.startsWith('04t')) {
    const errors = (result.Error ?? []).map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
    throw new Error(
      `package version not created (status ${result.Status ?? 'unknown'})` +
        (errors.length > 0 ? `:\n  ${errors.join('\n  ')}` : '')
    );
  }
  return {
    subscriberPackageVersionId: id,
    versionNumber: result.VersionNumber ?? '?',
    codeCoverage: typeof result.CodeCoverage === 'number' ? result.CodeCoverage : undefined,
    passedCoverageCheck: result.HasPassedCodeCoverageCheck === true
  };
}

/** The install page for a version; sandboxes install from test.salesforce.com. */
export function installUrl(subscriberPackageVersionId: string, sandbox = false): string {
  const host = sandbox ? 'test.salesforce.com' : 'login.salesforce.com';
  return `https://${host}/packaging/installPackage.apexp?p0=${subscriberPackageVersionId}`;
}

/** The 0Ho id `sf package create` wrote to packageAliases, if the package was created already. */
export function packageIdFromAliases(aliases: Record<string, string> | undefined): string | undefined {
  const id = aliases?.[PACKAGE_NAME];
  return typeof id === 'string' && id.startsWith('0Ho') ? id : undefined;
}

/**
 * The package's 0Ho id in root's sfdx-project.json packageAliases. Read from the file each time: SfProject
 * memoizes the project config, so it would miss the alias `sf package create` (a child process) just wrote.
 */
export function projectPackageId(root = REPO_ROOT): string | undefined {
  const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
    packageAliases?: Record<string, string>;
  };
  return packageIdFromAliases(project.packageAliases);
}

export interface InstallRequestResult {
  Status?: string;
  Errors?: { errors?: { message?: string }[] } | null;
}

export function readInstallResult(result: InstallRequestResult | undefined): void {
  if (result?.Status === 'SUCCESS') return;
  const messages = (result?.Errors?.errors ?? []).map((e) => e.message ?? '?');
  throw new Error(
    `package install ended with status ${result?.Status ?? 'unknown'}` +
      (messages.length > 0 ? `:\n  ${messages.join('\n  ')}` : '')
  );
}
