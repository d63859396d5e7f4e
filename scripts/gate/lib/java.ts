import * as path from 'node:path';
import { run } from './exec';

export const JAVA_REQUIRED =
  'Java 17+ is required for the Apex checks: install OpenJDK 17 (apt-get install openjdk-17-jdk-headless) or put a JDK 17+ `java` on PATH';

let cached: Promise<string | undefined> | undefined;

/** undefined when a usable java (17+) is on PATH, else the one-line explanation. Runs `java -version` once. */
export function javaProblem(): Promise<string | undefined> {
  cached ??= run('java', ['-version'], { cwd: process.cwd(), timeoutMs: 30_000 }).then((result) => {
    if (result.error !== undefined || result.code !== 0) {
      return `${JAVA_REQUIRED} (java: ${result.error ?? `exit ${result.code}`})`;
    }
    const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
    const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
    if (!(major >= 17)) {
      return `${JAVA_REQUIRED} (found ${match ? `Java ${major}` : 'an unrecognised java'})`;
    }
    return undefined;
  });
  return cached;
}

/** The folder of jars (apex-ls, PMD) shipped in @salesforce/code-analyzer-pmd-engine. */
export function pmdEngineJavaLib(): string {
  return path.join(path.dirname(require.resolve('@salesforce/code-analyzer-pmd-engine')), 'java-lib');
}
