import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../cli/exec';
import {
  ADMIN_PERMISSION_SETS,
  apexTestCommand,
  assignPermsetCommand,
  createIntegrationUserCommand,
  DATA_PLAN,
  deployCommand,
  importDataCommand,
  INTEGRATION_PERMISSION_SET,
  INTEGRATION_USER_DEF,
  openOrgCommand,
  scratchCreateCommand,
  setupPagePath
} from './commands';
import { validateDataPlan } from './data-plan';
import { assignmentProblems, INTEGRATION_PERMISSION_SETS, permissionSetsInSource, Progress } from './steps';
import { countByType, headline } from './summary';
import { resolveTargetOrg } from './target-org';

describe('target org resolution order', () => {
  const all = { SF_TARGET_ORG: 'sfenv', TARGET_ORG: 'env' };
  it('prefers the flag, then SF_TARGET_ORG, then TARGET_ORG, then the sf default', () => {
    expect(resolveTargetOrg({ flag: 'flag', env: all, configured: 'cfg' })).toEqual({
      aliasOrUsername: 'flag',
      source: '--target-org'
    });
    expect(resolveTargetOrg({ env: all, configured: 'cfg' })).toEqual({
      aliasOrUsername: 'sfenv',
      source: 'SF_TARGET_ORG'
    });
    expect(resolveTargetOrg({ env: { TARGET_ORG: 'env' }, configured: 'cfg' })).toEqual({
      aliasOrUsername: 'env',
      source: 'TARGET_ORG'
    });
    expect(resolveTargetOrg({ env: {}, configured: 'cfg' })).toEqual({
      aliasOrUsername: 'cfg',
      source: 'sf config target-org'
    });
  });

  it('treats blank values as absent and finds nothing when nothing is set', () => {
    expect(
      resolveTargetOrg({ flag: ' ', env: { SF_TARGET_ORG: '', TARGET_ORG: '  ' }, configured: '' })
    ).toBeUndefined();
    expect(resolveTargetOrg({ env: {} })).toBeUndefined();
  });
});

describe('commands', () => {
  const argsOf = (c: { args: string[] }): string => c.args.join(' ');

  it('creates the scratch org from the project definition, as the default org', () => {
    const command = scratchCreateCommand({ alias: 'vcl', days: 3, devHub: 'hub' });
    expect(argsOf(command)).toBe(
      'org create scratch --definition-file config/project-scratch-def.json --alias vcl --duration-days 3 --set-default --wait 15 --json --target-dev-hub hub'
    );
    expect(command.file).toMatch(/sf$/);
  });

  it('builds deploy, permission set, user, data, open and Apex test commands as argument arrays', () => {
    expect(argsOf(deployCommand('vcl'))).toBe(
      'project deploy start --source-dir force-app --target-org vcl --wait 30'
    );
    expect(argsOf(assignPermsetCommand('vcl', ['A', 'B']))).toBe(
      'org assign permset --target-org vcl --name A --name B'
    );
    expect(() => assignPermsetCommand('vcl', [])).toThrow(/no permission set/);
    expect(argsOf(createIntegrationUserCommand('vcl', 'vcl-integration'))).toBe(
      'org create user --target-org vcl --definition-file data/users/integration-user-def.json --set-alias vcl-integration --json'
    );
    expect(argsOf(importDataCommand('vcl'))).toBe(
      'data import tree --plan data/sample-data-plan.json --target-org vcl'
    );
    expect(argsOf(openOrgCommand('vcl', '/lightning/n/Voice_Setup', false))).toBe(
      'org open --target-org vcl --path /lightning/n/Voice_Setup'
    );
    expect(argsOf(apexTestCommand('vcl'))).toBe(
      'apex run test --target-org vcl --code-coverage --result-format human --test-level RunLocalTests --output-dir test-results/apex --wait 30'
    );
    expect(argsOf(apexTestCommand('vcl', { testLevel: 'RunAllTestsInOrg' }))).toContain(
      '--test-level RunAllTestsInOrg'
    );
  });

  it('keeps an alias with spaces or quotes as one argument (no shell)', () => {
    expect(deployCommand("my 'org'; rm -rf /").args).toContain("my 'org'; rm -rf /");
  });

  it('sends people to the setup tab when the package has one', () => {
    expect(setupPagePath(['Call_Log__c', 'Voice_Setup', 'Voice_Sync_Log'])).toBe('/lightning/n/Voice_Setup');
    expect(setupPagePath(['Call_Log__c'])).toBe('/lightning/o/Call_Log__c/list');
  });

  it('names permission sets that exist in source; the integration user gets the API grant and the integration set only', () => {
    const inSource = permissionSetsInSource();
    [...ADMIN_PERMISSION_SETS, ...INTEGRATION_PERMISSION_SETS].forEach((name) =>
      expect(inSource.has(name)).toBe(true)
    );
    const def = JSON.parse(readFileSync(path.join(REPO_ROOT, INTEGRATION_USER_DEF), 'utf8')) as {
      permsets: string[];
      profileName: string;
    };
    expect(def.permsets).toEqual(['Vcl_Integration_API', INTEGRATION_PERMISSION_SET]);
    expect(INTEGRATION_PERMISSION_SETS).toEqual(def.permsets);
    // The CLI logs in as the new user before assigning permission sets: the bootstrap profile must have
    // API Enabled ("Minimum Access - Salesforce" has not); the user is moved to Minimum Access afterwards.
    expect(def.profileName).toBe('Standard User');
  });

  it('treats an already-assigned permission set as success', () => {
    expect(
      assignmentProblems({ failures: [{ name: 'A', message: 'Duplicate PermissionSetAssignment' }] })
    ).toEqual([]);
    expect(
      assignmentProblems({ failures: [{ name: 'B', message: 'Permission set license required' }] })
    ).toEqual(['B: Permission set license required']);
    expect(assignmentProblems(undefined)).toEqual([]);
  });
});

describe('sample data plan', () => {
  const read = (rel: string): string | undefined => {
    const full = path.join(REPO_ROOT, 'data', rel);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };

  it('the shipped plan loads: types, references, required fields, phones in many formats', () => {
    const summary = validateDataPlan(readFileSync(path.join(REPO_ROOT, DATA_PLAN), 'utf8'), read);
    expect(summary.problems).toEqual([]);
    expect(summary.counts).toEqual({ Lead: 12, Account: 3, Contact: 7 });
    const formats = [
      /^\(\d{3}\)/,
      /^\d{3}-\d{3}-\d{4}$/,
      /^\d{10}$/,
      /^\+\d+$/,
      /ext\.|x\d/,
      /^00/,
      /^0\d/,
      /^\+44/
    ];
    formats.forEach((f) => expect(summary.phones.some((p) => f.test(p))).toBe(true));
  });

  it("finds planted defects by the CLI's rules", () => {
    const files: Record<string, string> = {
      'a.json': JSON.stringify({
        records: [
          { attributes: { type: 'Account', referenceId: 'AccountRef1' }, Name: 'A' },
          { attributes: { type: 'Lead', referenceId: 'AccountRef1' }, LastName: 'L' }
        ]
      }),
      'c.json': JSON.stringify({
        records: [
          {
            attributes: { type: 'Contact', referenceId: 'ContactRef1' },
            LastName: 'C',
            Phone: '555',
            AccountId: '@AccountRef9'
          },
          {
            attributes: { type: 'Contact', referenceId: 'ContactRef2' },
            LastName: 'D',
            Phone: '556',
            AccountId: '@Acc1'
          }
        ]
      })
    };
    const plan = JSON.stringify([
      { sobject: 'Account', saveRefs: true, files: ['a.json'] },
      { sobject: 'Contact', resolveRefs: true, files: ['c.json', 'missing.json'] }
    ]);
    const { problems } = validateDataPlan(plan, (rel) => files[rel]);
    expect(problems).toEqual([
      'plan[0]: "saveRefs" is ignored by sf data import tree (it warns on every import); remove it',
      'a.json records[1]: type "Lead" in a Account step',
      'a.json records[1]: referenceId AccountRef1 used twice',
      'a.json records[1]: Name is required for Account',
      'plan[1]: "resolveRefs" is ignored by sf data import tree (it warns on every import); remove it',
      'c.json records[1]: AccountId is "@Acc1", which the CLI sends as text: only @<Name>Ref<digits> is resolved',
      'missing.json: missing (listed in plan[1])',
      'c.json records[0]: AccountId references @AccountRef9, which no record in the plan has as referenceId'
    ]);
    expect(validateDataPlan('{', () => undefined).problems[0]).toMatch(/^plan: not JSON/);
    expect(validateDataPlan('[]', () => undefined).problems).toEqual([
      'plan: must be a non-empty array of steps'
    ]);
  });

  it('resolves references in any order and takes more than 200 records per file (plan mode splits them)', () => {
    const contacts = Array.from({ length: 250 }, (_, i) => ({
      attributes: { type: 'Contact', referenceId: `ContactRef${i + 1}` },
      LastName: `C${i}`,
      Phone: `555010${String(i).padStart(4, '0')}`,
      AccountId: '@AccountRef1'
    }));
    const files: Record<string, string> = {
      'c.json': JSON.stringify({ records: contacts }),
      'a.json': JSON.stringify({
        records: [{ attributes: { type: 'Account', referenceId: 'AccountRef1' }, Name: 'A' }]
      })
    };
    const plan = JSON.stringify([
      { sobject: 'Contact', files: ['c.json'] },
      { sobject: 'Account', files: ['a.json'] }
    ]);
    const summary = validateDataPlan(plan, (rel) => files[rel]);
    expect(summary.problems).toEqual([]);
    expect(summary.counts).toEqual({ Contact: 250, Account: 1 });
  });
});

describe('deployable summary', () => {
  it('counts components by type and headlines classes, objects and LWCs', () => {
    const components = [
      { type: 'ApexClass', name: 'VclPhoneKey' },
      { type: 'ApexClass', name: 'VclPhoneKey_Tests' },
      { type: 'CustomObject', name: 'Call_Log__c' },
      { type: 'CustomField', name: 'Call_Log__c.Status__c' },
      { type: 'CustomField', name: 'Call_Log__c.From_Number__c' },
      { type: 'LightningComponentBundle', name: 'vclCallLogPanel' }
    ];
    expect(countByType(components.map((c) => c.type))).toEqual([
      { type: 'ApexClass', count: 2 },
      { type: 'CustomField', count: 2 },
      { type: 'CustomObject', count: 1 },
      { type: 'LightningComponentBundle', count: 1 }
    ]);
    expect(headline(components)).toBe(
      '6 components: 2 Apex classes (1 test classes), 1 custom objects, 1 Lightning web components'
    );
  });
});

describe('Progress', () => {
  it('numbers steps, times them and prints heartbeats while a silent step runs', async () => {
    const lines: string[] = [];
    const out = { write: (text: string) => lines.push(text) } as unknown as NodeJS.WritableStream;
    const progress = new Progress(2, out);
    const value = await progress.run('first', () =>
      progress.heartbeat('waiting', new Promise<number>((resolve) => setTimeout(() => resolve(7), 60)), 20)
    );
    expect(value).toBe(7);
    const text = lines.join('');
    expect(text).toMatch(/\[1\/2\] first\n/);
    expect(text).toMatch(/… still waiting \(\d+ s\)/);
    expect(text).toMatch(/\[1\/2\] done in \d+\.\d s/);
  });
});
