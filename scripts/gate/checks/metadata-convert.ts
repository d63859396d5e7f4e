import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { packageDirs } from '../lib/project';

const CHECKER = 'metadata-convert';

type Sdr = typeof import('@salesforce/source-deploy-retrieve');

/**
 * Converts the package directories to metadata format with @salesforce/source-deploy-retrieve, as a
 * deploy would: an unknown type or a component SDR cannot resolve is a finding. Prints the count by type.
 */
export async function checkMetadataConvert(root: string): Promise<CheckResult> {
  const outputDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-convert-'));
  try {
    // Loaded here, not at the top: SDR pulls in undici, which needs Node 22 (npm scripts provide it);
    // on Node 20 only this step fails. A lazy require, because import() stays native under node16.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see above
    const sdr = require('@salesforce/source-deploy-retrieve') as Sdr;
    const { ComponentSet, MetadataConverter } = sdr;
    const set = ComponentSet.fromSource({ fsPaths: packageDirs(root) });
    const components = set.getSourceComponents().toArray();
    await new MetadataConverter().convert(set, 'metadata', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false
    });
    const counts = new Map<string, number>();
    for (const component of components) {
      counts.set(component.type.name, (counts.get(component.type.name) ?? 0) + 1);
    }
    const summary = [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, count]) => `${type} ${count}`)
      .join(', ');
    if (components.length === 0) {
      return { findings: [{ checker: CHECKER, message: 'no components found in the package directories' }] };
    }
    return { findings: [], info: [`${components.length} components: ${summary}`] };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // SDR names the offending file at the start of its message; point the finding at it.
    const file = /^(?:\w+: )?(\/[^:]+?):/.exec(message)?.[1];
    return {
      findings: [
        {
          checker: CHECKER,
          file: file ? relativePath(root, file) : undefined,
          message:
            message.split('\n')[0] +
            (/reading 'bind'/.test(message) ? ' (SDR needs Node 22: run through npm)' : '')
        }
      ]
    };
  } finally {
    fs.rmSync(outputDirectory, { recursive: true, force: true });
  }
}
