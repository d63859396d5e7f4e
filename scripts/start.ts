/**
 * npm start -- [--target-org <alias>] [--port 3000]
 *
 * With an org (--target-org, SF_TARGET_ORG, TARGET_ORG or the sf default target-org): build, deploy,
 * assign the admin permission sets, print where to click. A default org that is neither a scratch org nor
 * a sandbox is not deployed to unless named with --target-org (no surprise deploys to production).
 * Without an org: the local workbench (scripts/workbench/serve.ts, serveWorkbench({ port })) — or, while
 * that does not exist, build + the deployable summary + how to connect an org.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FlagSpec, intOption, parseArgs, usage } from './lib/cli/args';
import { REPO_ROOT } from './lib/cli/exec';
import { EXIT_NO_ORG, refuse, runMain } from './lib/cli/exit';
import { formatTable } from './lib/cli/table';
import { ADMIN_PERMISSION_SETS } from './lib/org/commands';
import { assignPermissionSets, build, deploy, Progress, setupPath } from './lib/org/steps';
import { countByType, headline, sourceComponents } from './lib/org/summary';
import { connect, findTargetOrg, NO_ORG_HINT, NoOrgError, TargetOrg } from './lib/org/target-org';

const FLAGS: FlagSpec[] = [
  {
    name: 'target-org',
    short: 'o',
    value: true,
    description: 'deploy to this org (else SF_TARGET_ORG, TARGET_ORG, sf default)'
  },
  {
    name: 'port',
    short: 'p',
    value: true,
    description: 'workbench port when there is no org (default PORT or 3000)'
  },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

const WORKBENCH_MODULE = path.join(REPO_ROOT, 'scripts', 'workbench', 'serve.ts');

type ServeWorkbench = (options: { port?: number }) => Promise<unknown>;

/** The workbench engineer's entry point, when it exists (loaded lazily: it pulls in rollup and friends). */
export function loadServeWorkbench(modulePath: string = WORKBENCH_MODULE): ServeWorkbench | undefined {
  if (!existsSync(modulePath)) return undefined;
  // require, not import(): ts-node registers .ts for CommonJS require only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod: unknown = require(modulePath);
  const fn =
    typeof mod === 'object' && mod !== null
      ? (mod as { serveWorkbench?: unknown }).serveWorkbench
      : undefined;
  return typeof fn === 'function' ? (fn as ServeWorkbench) : undefined;
}

async function withOrg(target: TargetOrg): Promise<number> {
  let session;
  try {
    session = await connect(target);
  } catch (error) {
    if (error instanceof NoOrgError) refuse(`npm start: ${error.message}`, EXIT_NO_ORG);
    throw error;
  }
  if (target.source !== '--target-org') {
    const { records } = await session.connection.query<{ IsSandbox: boolean }>(
      'SELECT IsSandbox FROM Organization LIMIT 1'
    );
    // Scratch orgs report IsSandbox = true too.
    if (records[0]?.IsSandbox !== true) {
      refuse(
        `npm start: the default org "${target.aliasOrUsername}" (from ${target.source}) is not a scratch org or ` +
          'sandbox; name it explicitly to deploy there: npm start -- --target-org ' +
          target.aliasOrUsername,
        EXIT_NO_ORG
      );
    }
  }
  const alias = target.aliasOrUsername;
  process.stdout.write(`npm start: deploying to ${alias} (${session.username}, from ${target.source})\n`);
  const progress = new Progress(3);
  await progress.run('build the package', () => build(progress));
  await progress.run(`deploy to ${alias}`, () => deploy(alias, progress));
  await progress.run(`assign ${ADMIN_PERMISSION_SETS.join(', ')}`, () =>
    assignPermissionSets(alias, ADMIN_PERMISSION_SETS, progress)
  );
  const page = setupPath();
  process.stdout.write(
    `\nDeployed. Where to click:\n` +
      `  ${session.connection.instanceUrl}${page}  (or: sf org open --target-org ${alias} --path ${page})\n` +
      '  Setup tab: connection test, settings, phone-index backfill, Test Sync\n' +
      '  App Launcher → Voice Call Logging: Field Mapping, Sync Log; Lead/Contact pages: the call log panel\n' +
      `Post a sample call: npm run post-call -- --target-org ${alias} --file data/sample-calls.json\n`
  );
  return 0;
}

async function withoutOrg(port: number | undefined): Promise<number> {
  const serveWorkbench = loadServeWorkbench();
  if (serveWorkbench !== undefined) {
    process.stdout.write(`npm start: no org (${NO_ORG_HINT}) — starting the local workbench.\n`);
    await serveWorkbench(port === undefined ? {} : { port });
    return 0;
  }
  process.stdout.write(
    'npm start: no org and no workbench yet (scripts/workbench/serve.ts) — building and summarizing.\n'
  );
  const progress = new Progress(2);
  await progress.run('build the package', () => build(progress));
  const components = await progress.run('read the deployable package (force-app)', () =>
    Promise.resolve(sourceComponents())
  );
  process.stdout.write(
    `\n${headline(components)}\n\n${formatTable(
      [
        { header: 'metadata type', value: (r: { type: string }) => r.type },
        { header: 'count', value: (r: { count: number }) => r.count, align: 'right' }
      ],
      countByType(components.map((c) => c.type))
    )}\n\nConnect an org to deploy it: ${NO_ORG_HINT}.\n`
  );
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm start -- [options]', 'Deploy to an org, or preview locally without one.', FLAGS)}\n`
    );
    return 0;
  }
  // Without --port the workbench applies its own default (PORT, else 3000).
  const port = args.values.has('port') ? intOption(args, 'port', 3000, 1, 65535) : undefined;
  const target = await findTargetOrg(args.values.get('target-org'));
  return target !== undefined ? withOrg(target) : withoutOrg(port);
}

if (require.main === module) runMain(main);
