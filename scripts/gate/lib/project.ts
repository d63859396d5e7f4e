import * as fs from 'node:fs';
import * as path from 'node:path';
import { relativePath } from './finding';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', 'test-results', 'dist']);

/** Every file under dir (absolute paths, sorted), skipping dependency and tool-state folders. */
export function walkFiles(dir: string, accept: (file: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) {
          visit(full);
        }
      } else if (entry.isFile() && accept(full)) {
        out.push(full);
      }
    }
  };
  visit(dir);
  return out.sort();
}

export interface SfdxProject {
  /** `package` names the package a directory belongs to; a directory without it is not packaged. */
  packageDirectories: { path: string; package?: string }[];
  sourceApiVersion?: string;
  namespace?: string;
  /**
   * `plugins.componentPrefix`: the prefix every Apex class, trigger, LWC bundle and permission set the
   * project ships starts with (a namespace-less package's stand-in for a namespace); checked by structure.
   */
  componentPrefix?: unknown;
}

/** The project's sfdx-project.json, or an Error saying why it cannot be read. */
export function readSfdxProject(root: string): SfdxProject {
  const file = path.join(root, 'sfdx-project.json');
  if (!fs.existsSync(file)) {
    throw new Error(`sfdx-project.json not found in ${root}`);
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SfdxProject>;
  if (!Array.isArray(parsed.packageDirectories) || parsed.packageDirectories.length === 0) {
    throw new Error('sfdx-project.json has no packageDirectories');
  }
  return {
    packageDirectories: parsed.packageDirectories,
    sourceApiVersion: parsed.sourceApiVersion,
    namespace: parsed.namespace,
    componentPrefix: (parsed as { plugins?: Record<string, unknown> }).plugins?.componentPrefix
  };
}

/** Absolute paths of the package directories (force-app, …) that exist. */
export function packageDirs(root: string): string[] {
  return readSfdxProject(root)
    .packageDirectories.map((dir) => path.resolve(root, dir.path))
    .filter((dir) => fs.existsSync(dir));
}

/** Every .cls and .trigger under the package directories. */
export function apexFiles(root: string): string[] {
  return packageDirs(root).flatMap((dir) => walkFiles(dir, (file) => /\.(cls|trigger)$/.test(file)));
}

/**
 * Every Apex class and trigger's text by its path relative to root, for the checks that follow calls
 * across files.
 */
export function apexSources(root: string): Map<string, string> {
  return new Map(apexFiles(root).map((file) => [relativePath(root, file), fs.readFileSync(file, 'utf8')]));
}

/** 1-based line number of a character offset in text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}
