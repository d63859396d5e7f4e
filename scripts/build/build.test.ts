import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { LWC_OUTPUT_DIR, buildLwc, transpileLwc } from './build';
import { validateLwcFile } from './validate-lwc';

const COMPONENT_TS = `import { LightningElement, api, track, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { formatDuration } from 'c/helper';

export default class Hello extends LightningElement {
  @api recordId?: string;
  @track items: string[] = [];
  @wire(getRecord, { recordId: '$recordId', fields: ['Lead.Name'] })
  record?: { data?: RecordRepresentation; error?: unknown };

  get label(): string {
    return formatDuration(this.items.length);
  }
}
`;
const HELPER_TS = `export function formatDuration(n: number): string {
  return \`\${n} sec\`;
}
`;
const META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>68.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`;

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function makeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwc-build-'));
  fs.mkdirSync(path.join(dir, 'force-app'), { recursive: true });
  write(path.join(dir, 'lwc-src', 'hello', 'hello.ts'), COMPONENT_TS);
  write(path.join(dir, 'lwc-src', 'hello', 'hello.html'), '<template><p>{label}</p></template>\n');
  write(path.join(dir, 'lwc-src', 'hello', 'hello.css'), ':host { display: block; }\n');
  write(path.join(dir, 'lwc-src', 'hello', 'hello.js-meta.xml'), META);
  write(path.join(dir, 'lwc-src', 'hello', '__tests__', 'hello.test.ts'), 'it("x", () => undefined);\n');
  write(path.join(dir, 'lwc-src', 'hello', '__tests__', 'data', 'X.y.json'), '{}\n');
  write(path.join(dir, 'lwc-src', 'helper', 'helper.ts'), HELPER_TS);
  write(path.join(dir, 'lwc-src', 'helper', 'helper.js-meta.xml'), META);
  write(path.join(dir, 'lwc-src', 'tsconfig.json'), '{}\n');
  return dir;
}

function listRelative(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

describe('LWC decorator emit vs the LWC compiler', () => {
  const source = `import { LightningElement, api } from 'lwc';
export default class Hello extends LightningElement {
  @api recordId?: string;
}
`;
  const emit = (options: ts.CompilerOptions): string =>
    ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, ...options } }).outputText;

  it('accepts the build settings (standard decorators kept as written)', () => {
    const { code, findings } = transpileLwc(source, 'lwc-src/hello/hello.ts');
    expect(findings).toEqual([]);
    expect(code).toContain('@api');
    expect(validateLwcFile(code, 'hello.js', 'hello')).toEqual([]);
  });

  it('fails on experimentalDecorators output (__decorate) with LWC1104 and a line', () => {
    const code = emit({ target: ts.ScriptTarget.ESNext, experimentalDecorators: true });
    expect(code).toContain('__decorate');
    const findings = validateLwcFile(code, 'force-app/lwc/hello/hello.js', 'hello');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.file).toBe('force-app/lwc/hello/hello.js');
    expect(findings[0]?.message).toMatch(/^LWC1104: "api" can only be used as a class decorator/);
    expect(findings[0]?.line).toBeGreaterThan(1);
  });

  it('fails on ES2022 output (__esDecorate) with LWC1104', () => {
    const code = emit({ target: ts.ScriptTarget.ES2022 });
    expect(code).toContain('__esDecorate');
    expect(validateLwcFile(code, 'hello.js', 'hello')[0]?.message).toMatch(/LWC1104/);
  });

  it('reports template errors with their line', () => {
    const findings = validateLwcFile('<template>\n  <p>{a.b()}</p>\n</template>\n', 'x/hello.html', 'hello');
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['x/hello.html:2']);
    expect(findings[0]?.message).toMatch(/LWC1060/);
  });
});

describe('buildLwc', () => {
  let project: string;

  beforeEach(() => {
    project = makeProject();
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  it('emits .js, copies html/css/meta, never .ts or __tests__, and removes stale output', () => {
    const stale = path.join(project, LWC_OUTPUT_DIR, 'gone', 'gone.js');
    write(stale, 'stale');
    write(path.join(project, LWC_OUTPUT_DIR, 'hello', 'hello.ts'), 'hand-edited');
    const result = buildLwc(project);
    expect(result.findings).toEqual([]);
    expect(result.components).toEqual(['hello', 'helper']);
    expect(listRelative(path.join(project, LWC_OUTPUT_DIR))).toEqual([
      'hello/hello.css',
      'hello/hello.html',
      'hello/hello.js',
      'hello/hello.js-meta.xml',
      'helper/helper.js',
      'helper/helper.js-meta.xml'
    ]);
    const js = fs.readFileSync(path.join(project, LWC_OUTPUT_DIR, 'hello', 'hello.js'), 'utf8');
    expect(js).toContain("@wire(getRecord, { recordId: '$recordId', fields: ['Lead.Name'] })");
    expect(js).not.toContain('RecordRepresentation');
    expect(fs.existsSync(path.join(project, '.generated', 'types', 'apex.d.ts'))).toBe(true);
  });

  it('fails with path:line findings for a bad template, an unknown child tag, a missing meta file and an unknown c/ import', () => {
    write(
      path.join(project, 'lwc-src', 'hello', 'hello.html'),
      '<template>\n  <p>{a.b()}</p>\n  <c-helper></c-helper><c-no-such-thing></c-no-such-thing>\n</template>\n'
    );
    fs.rmSync(path.join(project, 'lwc-src', 'helper', 'helper.js-meta.xml'));
    write(
      path.join(project, 'lwc-src', 'helper', 'helper.ts'),
      `import { x } from 'c/nowhere';\n${HELPER_TS}export { x };\n`
    );
    const findings = buildLwc(project).findings.map((f) => `${f.file}:${f.line}: ${f.message}`);
    expect(findings).toEqual([
      expect.stringMatching(/^force-app\/main\/default\/lwc\/hello\/hello\.html:2: .*LWC1060/),
      'force-app/main/default/lwc/hello/hello.html:3: <c-no-such-thing> refers to c/noSuchThing, which is not a component in lwc-src',
      'force-app/main/default/lwc/helper/helper.js-meta.xml:1: missing helper.js-meta.xml',
      'force-app/main/default/lwc/helper/helper.js:1: imports c/nowhere, which is not a component in lwc-src'
    ]);
  });

  it('fails on a component folder without its main file and on a .js next to a .ts', () => {
    write(path.join(project, 'lwc-src', 'orphan', 'orphan.html'), '<template></template>\n');
    write(path.join(project, 'lwc-src', 'hello', 'hello.js'), 'export default 1;\n');
    const findings = buildLwc(project).findings.map((f) => `${f.file}:${f.line}: ${f.message}`);
    expect(findings).toContain('lwc-src/orphan:1: component folder without orphan.ts');
    expect(findings).toContain('lwc-src/hello/hello.js:1: both .js and .ts exist: keep only the .ts source');
  });
});
