import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { apexSizeFindings, checkSize, lineCount, typescriptSizeFinding } from './size';

/** A method of `statements` one-line statements: signature, statements, closing brace. */
function method(name: string, statements: number): string[] {
  return [
    `  public static Integer ${name}() {`,
    '    Integer n = 0;',
    ...Array<string>(statements - 1).fill('    n++;'),
    '  }'
  ];
}

function lines(count: number): string {
  return `${Array.from({ length: count }, (_, i) => `// ${i + 1}`).join('\n')}\n`;
}

describe('size', () => {
  it('counts lines as an editor numbers them', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
  });

  it('measures a method from its signature line to its closing brace, annotations excluded', () => {
    const source = [
      'public with sharing class Long {',
      '  @TestVisible',
      ...method('fits', 48),
      '',
      ...method('over', 49),
      '  public Long() {',
      ...Array<string>(50).fill('    System.debug(1);'),
      '  }',
      '}'
    ].join('\n');
    expect(apexSizeFindings('Long.cls', source)).toEqual([
      { checker: 'size', file: 'Long.cls', line: 54, message: 'method Long.over is 51 lines (limit 50)' },
      {
        checker: 'size',
        file: 'Long.cls',
        line: 105,
        message: 'constructor Long.Long is 52 lines (limit 50)'
      }
    ]);
  });

  it('holds inner-class methods to the same limit, named by their class', () => {
    const source = [
      'public with sharing class Outer {',
      '  class Inner {',
      ...method('run', 50),
      '  }',
      '}'
    ].join('\n');
    expect(apexSizeFindings('Outer.cls', source).map((f) => f.message)).toEqual([
      'method Inner.run is 52 lines (limit 50)'
    ]);
  });

  it('allows a class 400 lines and an @IsTest class 500', () => {
    const body = (count: number): string => `public with sharing class Big {\n${lines(count - 2)}}\n`;
    expect(apexSizeFindings('Big.cls', body(400))).toEqual([]);
    expect(apexSizeFindings('Big.cls', body(401))).toEqual([
      { checker: 'size', file: 'Big.cls', line: 1, message: 'class is 401 lines (limit 400)' }
    ]);
    const test = (count: number): string => `@IsTest\nprivate class Big_Tests {\n${lines(count - 3)}}\n`;
    expect(apexSizeFindings('Big_Tests.cls', test(500))).toEqual([]);
    expect(apexSizeFindings('Big_Tests.cls', test(501)).map((f) => f.message)).toEqual([
      'test class is 501 lines (limit 500)'
    ]);
  });

  it('skips the methods of a class that does not parse (the soql step reports it) but still sizes the file', () => {
    const source = `public with sharing class Broken {\n  void run( {\n${lines(400)}}\n`;
    expect(apexSizeFindings('Broken.cls', source).map((f) => f.message)).toEqual([
      'class is 403 lines (limit 400)'
    ]);
  });

  it('allows a TypeScript module 400 lines and a *.test.ts 500', () => {
    expect(typescriptSizeFinding('a.ts', lines(400))).toBeUndefined();
    expect(typescriptSizeFinding('a.ts', lines(401))).toEqual({
      checker: 'size',
      file: 'a.ts',
      line: 1,
      message: 'module is 401 lines (limit 400)'
    });
    expect(typescriptSizeFinding('a.test.ts', lines(500))).toBeUndefined();
    expect(typescriptSizeFinding('a.test.ts', lines(501))?.message).toBe(
      'test module is 501 lines (limit 500)'
    );
  });

  it('sizes scripts/ and lwc-src/ but not fixtures, generated files or other folders', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'size-'));
    try {
      const write = (file: string): void => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), lines(401));
      };
      fs.writeFileSync(path.join(root, 'sfdx-project.json'), '{"packageDirectories":[{"path":"force-app"}]}');
      write('scripts/big.ts');
      write('lwc-src/panel/panel.ts');
      write('scripts/gate/fixtures/project/scripts/big.ts');
      write('lwc-src/.generated/types.ts');
      write('types/big.ts');
      expect(checkSize(root).findings.map((f) => f.file)).toEqual([
        'scripts/big.ts',
        'lwc-src/panel/panel.ts'
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
