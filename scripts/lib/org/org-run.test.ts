/**
 * The first org run's pure parts, against the CLI's JSON outputs in __fixtures__/ (shapes taken from the
 * installed plugins: plugin-user 5.0.2 CreateUserCommand, plugin-packaging 3.0.6 result types,
 * sf-plugins-core toSuccessJson / SfCommandError.toJson) — no org is reachable here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from '../cli/exec';
import { checkApiVersion, releaseName } from './api-version';
import {
  INBOUND_APP_SOURCE,
  INTEGRATION_API_SOURCE,
  packageCreateCommand,
  packageInstallCommand,
  packageVersionCreateCommand,
  RUN_AS_USER_ENV,
  scratchCreateCommand,
  deployCommand
} from './commands';
import {
  EXIT_PARTIAL_SUCCESS,
  INTEGRATION_API_PERMISSION_SET,
  INTEGRATION_PROFILE,
  IntegrationUserFacts,
  integrationUserProblems,
  readAssignments,
  readCreateUserOutput,
  soqlLiteral
} from './integration-user';
import {
  installUrl,
  InstallRequestResult,
  packageIdFromAliases,
  PackageVersionResult,
  projectPackageId,
  readInstallResult,
  readPackageVersion
} from './packaging';
import { assertOrgName, planCleanup } from './scratch-cleanup';
import { INTEGRATION_PERMISSION_SETS } from './steps';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const fixtureResult = <T>(name: string): T => (JSON.parse(fixture(name)) as { result: T }).result;
const argsOf = (c: { args: string[] }): string => c.args.join(' ');
const repoFile = (rel: string): string => readFileSync(path.join(REPO_ROOT, rel), 'utf8');

describe('sf org create user outcomes', () => {
  it('reads a created user from the JSON result (fields are lower-cased by the plugin)', () => {
    expect(readCreateUserOutput(fixture('org-create-user.success.json'), 0)).toEqual({
      state: 'created',
      username: '1764756000000_test-abcdefgh@example.com',
      userId: '005Au00000XyZaBCDE'
    });
  });

  it('treats exit 68 as a user that exists, not as a failure to retry by creating another', () => {
    const outcome = readCreateUserOutput(fixture('org-create-user.partial.json'), EXIT_PARTIAL_SUCCESS);
    expect(outcome.state).toBe('partial');
    expect(outcome).toMatchObject({ username: '1764756000000_test-abcdefgh@example.com' });
    expect(outcome.state === 'partial' && outcome.note).toMatch(/exists.*assigns what is missing/);
  });

  it('reports a failed creation with the CLI message, and output that is not JSON', () => {
    expect(readCreateUserOutput(fixture('org-create-user.api-disabled.json'), 1)).toEqual({
      state: 'failed',
      message: 'exit 1: API is disabled for this User'
    });
    expect(readCreateUserOutput('', 1)).toEqual({ state: 'failed', message: 'exit 1: no output' });
  });
});

describe('integration user state', () => {
  const ready: IntegrationUserFacts = {
    username: 'u@example.com',
    profileName: INTEGRATION_PROFILE,
    assignedPermissionSets: ['Vcl_Integration', INTEGRATION_API_PERMISSION_SET, 'Other'],
    permissions: { apiEnabled: true, apexRestServices: true, apiUserOnly: true },
    sessionError: undefined
  };

  it('accepts Minimum Access + both permission sets + a working session with the three permissions', () => {
    expect(integrationUserProblems(ready, INTEGRATION_PERMISSION_SETS)).toEqual([]);
  });

  it('says what is wrong, each item on its own', () => {
    expect(
      integrationUserProblems(
        {
          ...ready,
          profileName: 'Standard User',
          assignedPermissionSets: ['Vcl_Integration'],
          permissions: { apiEnabled: true, apexRestServices: false, apiUserOnly: false },
          sessionError: 'INVALID_SESSION_ID'
        },
        INTEGRATION_PERMISSION_SETS
      )
    ).toEqual([
      'the saved session for u@example.com does not work: INVALID_SESSION_ID',
      'profile is "Standard User", expected "Minimum Access - Salesforce"',
      'permission set(s) not assigned: Vcl_Integration_API',
      'lacks Apex REST Services, API Only User (granted by Vcl_Integration_API)'
    ]);
  });

  it('reads effective permissions from the profile and the permission sets, naming only the sets', () => {
    const row = (Name: string, IsOwnedByProfile: boolean, api: boolean, rest: boolean, only: boolean) => ({
      PermissionSet: {
        Name,
        IsOwnedByProfile,
        PermissionsApiEnabled: api,
        PermissionsApexRestServices: rest,
        PermissionsApiUserOnly: only
      }
    });
    expect(
      readAssignments([
        row('X00eAu000001AbCd', true, false, false, false),
        row('Vcl_Integration_API', false, true, true, true),
        row('Vcl_Integration', false, false, false, false)
      ])
    ).toEqual({
      permissionSets: ['Vcl_Integration_API', 'Vcl_Integration'],
      permissions: { apiEnabled: true, apexRestServices: true, apiUserOnly: true }
    });
    expect(readAssignments([row('X00e', true, true, false, false)]).permissions).toEqual({
      apiEnabled: true,
      apexRestServices: false,
      apiUserOnly: false
    });
  });

  it('quotes SOQL literals', () => {
    expect(soqlLiteral("o'brien\\x")).toBe("'o\\'brien\\\\x'");
  });
});

describe('unpackaged/: what packages cannot grant, and the inbound app', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'userPermissions' });

  it('Vcl_Integration_API grants exactly API Enabled, Apex REST Services and API Only', () => {
    const xml = parser.parse(
      repoFile(
        `${INTEGRATION_API_SOURCE}/permissionsets/${INTEGRATION_API_PERMISSION_SET}.permissionset-meta.xml`
      )
    ) as { PermissionSet: { userPermissions: { enabled: boolean; name: string }[] } };
    expect(xml.PermissionSet.userPermissions).toEqual([
      { enabled: true, name: 'ApexRestServices' },
      { enabled: true, name: 'ApiEnabled' },
      { enabled: true, name: 'ApiUserOnly' }
    ]);
  });

  it('the app enables the client credentials flow globally and in its policies, run as the replaced user', () => {
    const global = parser.parse(
      repoFile(
        `${INBOUND_APP_SOURCE}/extlClntAppGlobalOauthSets/Voice_System_Integration_glbloauth.ecaGlblOauth-meta.xml`
      )
    ) as { ExtlClntAppGlobalOauthSettings: Record<string, unknown> };
    expect(global.ExtlClntAppGlobalOauthSettings).toMatchObject({
      externalClientApplication: 'Voice_System_Integration',
      isClientCredentialsFlowEnabled: true
    });
    // No consumer key or secret in source: Salesforce holds them.
    expect(global.ExtlClntAppGlobalOauthSettings).not.toHaveProperty('consumerSecret');
    const policyFile = `${INBOUND_APP_SOURCE}/extlClntAppOauthPolicies/Voice_System_Integration_oauthPlcy.ecaOauthPlcy-meta.xml`;
    const policies = parser.parse(repoFile(policyFile)) as {
      ExtlClntAppOauthConfigurablePolicies: Record<string, unknown>;
    };
    expect(policies.ExtlClntAppOauthConfigurablePolicies).toMatchObject({
      externalClientApplication: 'Voice_System_Integration',
      isClientCredentialsFlowEnabled: true,
      clientCredentialsFlowUser: RUN_AS_USER_ENV
    });
    const project = JSON.parse(repoFile('sfdx-project.json')) as {
      replacements: { filename: string; stringToReplace: string; replaceWithEnv: string }[];
    };
    expect(project.replacements).toContainEqual({
      filename: policyFile,
      stringToReplace: RUN_AS_USER_ENV,
      replaceWithEnv: RUN_AS_USER_ENV
    });
  });
});

describe('Dev Hub API version against sourceApiVersion', () => {
  it('names releases', () => {
    expect([64, 65, 66, 67, 68, 69].map(releaseName)).toEqual([
      "Summer '25",
      "Winter '26",
      "Spring '26",
      "Summer '26",
      "Winter '27",
      "Spring '27"
    ]);
  });

  it('passes equal and newer Dev Hubs, stops an older one with what to do', () => {
    expect(checkApiVersion('68.0', '68.0')).toEqual({
      ok: true,
      message: "Dev Hub API 68.0 (Winter '27) matches sourceApiVersion"
    });
    expect(checkApiVersion('69.0', '68.0').ok).toBe(true);
    const older = checkApiVersion('67.0', '68.0');
    expect(older.ok).toBe(false);
    expect(older.message).toMatch(/older than sourceApiVersion 68\.0 \(Winter '27\)/);
    expect(older.message).toMatch(/--release preview/);
    expect(() => checkApiVersion('v68', '68.0')).toThrow(/not an API version/);
  });
});

describe('packaging', () => {
  it('creates the unlocked package once, without namespace, from force-app', () => {
    expect(argsOf(packageCreateCommand('hub'))).toBe(
      'package create --name Voice Call Logging --package-type Unlocked --path force-app --no-namespace --target-dev-hub hub --json'
    );
    expect(packageIdFromAliases(undefined)).toBeUndefined();
    expect(
      packageIdFromAliases({ 'Voice Call Logging': fixtureResult<{ Id: string }>('package-create.json').Id })
    ).toBe('0HoAu0000000AbCKAU');
    expect(packageIdFromAliases({ 'Voice Call Logging@0.1.0-1': '04tAu0000000LmNIAU' })).toBeUndefined();
  });

  it('reads the package id from sfdx-project.json afresh, so it sees what sf package create just wrote', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'package-id-'));
    try {
      const write = (packageAliases: Record<string, string>): void =>
        writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify({ packageAliases }));
      write({});
      expect(projectPackageId(root)).toBeUndefined();
      write({ 'Voice Call Logging': '0HoAu0000000AbCKAU' });
      expect(projectPackageId(root)).toBe('0HoAu0000000AbCKAU');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('builds a version with coverage and no installation key, and prints where to install it', () => {
    expect(argsOf(packageVersionCreateCommand('hub', 45))).toBe(
      'package version create --package Voice Call Logging --code-coverage --installation-key-bypass --wait 45 --target-dev-hub hub --json'
    );
    const version = readPackageVersion(fixtureResult<PackageVersionResult>('package-version-create.json'));
    expect(version).toEqual({
      subscriberPackageVersionId: '04tAu0000000LmNIAU',
      versionNumber: '0.1.0.1',
      codeCoverage: 91,
      passedCoverageCheck: true
    });
    expect(installUrl(version.subscriberPackageVersionId)).toBe(
      'https://login.salesforce.com/packaging/installPackage.apexp?p0=04tAu0000000LmNIAU'
    );
    expect(installUrl('04tX', true)).toBe(
      'https://test.salesforce.com/packaging/installPackage.apexp?p0=04tX'
    );
  });

  it('refuses a version that did not build, with the Dev Hub errors', () => {
    expect(() =>
      readPackageVersion(fixtureResult<PackageVersionResult>('package-version-create.error-status.json'))
    ).toThrow(/status Error\):\n {2}Voice_Setup: Component \[c:vclSetup\] not found/);
    expect(() => readPackageVersion(undefined)).toThrow(/no result/);
  });

  it('installs by 04t id without prompting and reads the install request status', () => {
    expect(argsOf(packageInstallCommand('vcl', '04tAu0000000LmNIAU'))).toBe(
      'package install --package 04tAu0000000LmNIAU --target-org vcl --wait 30 --publish-wait 10 --security-type AdminsOnly --no-prompt --json'
    );
    expect(() =>
      readInstallResult(fixtureResult<InstallRequestResult>('package-install.json'))
    ).not.toThrow();
    expect(() =>
      readInstallResult(fixtureResult<InstallRequestResult>('package-install.error.json'))
    ).toThrow('package install ended with status ERROR:\n  (Vcl_Admin) Permission set license required');
  });
});

describe('scratch orgs that must not leak', () => {
  it('names each CI org so the Dev Hub can find it, and deploys unpackaged parts on purpose', () => {
    expect(
      argsOf(scratchCreateCommand({ alias: 'ci', days: 1, devHub: 'hub', orgName: 'vcl-ci-1-1' }))
    ).toMatch(/--target-dev-hub hub --name vcl-ci-1-1$/);
    expect(argsOf(deployCommand('vcl', INTEGRATION_API_SOURCE))).toBe(
      'project deploy start --source-dir unpackaged/integration-user --target-org vcl --wait 30'
    );
  });

  it('waits for orgs still being created and deletes the active ones', () => {
    expect(
      planCleanup([
        { Id: '2SR1', Status: 'Creating', SignupUsername: null },
        { Id: '2SR2', Status: 'Active', SignupUsername: 'test-1@example.com' },
        { Id: '2SR3', Status: 'Deleted', SignupUsername: 'test-0@example.com' },
        { Id: '2SR4', Status: 'Error', SignupUsername: null }
      ])
    ).toEqual({
      pending: [{ Id: '2SR1', Status: 'Creating', SignupUsername: null }],
      activeUsernames: ['test-1@example.com']
    });
    expect(assertOrgName('vcl-ci-123-1')).toBe('vcl-ci-123-1');
    expect(() => assertOrgName("x' OR Name != '")).toThrow(/letters, digits or dashes/);
  });

  it('CI deletes by org name in always-run steps, removes the sfdx-url file by trap, and has one Apex test command', () => {
    const ci = repoFile('.github/workflows/ci.yml');
    const deletes = ci.match(
      /if: always\(\)\n\s+run: npx ts-node --transpile-only scripts\/org\/delete-scratch-orgs\.ts --org-name "\$SCRATCH_ORG_NAME"/g
    );
    expect(deletes).toHaveLength(2);
    expect(ci.match(/--org-name "\$SCRATCH_ORG_NAME"/g)?.length).toBe(4);
    expect(ci).toMatch(/trap 'rm -f "\$url_file"' EXIT\n\s+printf/);
    expect(ci).not.toMatch(/apex run test/);
    expect(ci).toMatch(/npm run test:apex/);
    expect(ci).toMatch(/--package-version "\$version_id"/);
  });
});
