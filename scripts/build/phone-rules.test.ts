import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import libphonenumberPackage from 'libphonenumber-js/package.json';
import {
  buildPhoneKeyRules,
  foldedCharacters,
  KEY_ALGORITHM_REVISION,
  RULES_PATH,
  unicodeDigitZeros
} from './phone-rules';

describe('phone-key rules generator', () => {
  const rules = buildPhoneKeyRules();

  it('matches the committed static resource (run npm run generate:phone-rules after an upgrade)', () => {
    // A child process: prettier 3 loads its plugins with dynamic import(), which Jest's VM does not allow.
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin.js'),
        '--transpile-only',
        path.join(__dirname, 'phone-rules.ts'),
        '--check'
      ],
      { encoding: 'utf8' }
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(RULES_PATH, 'utf8'))).toEqual(JSON.parse(JSON.stringify(rules)));
  }, 60_000);

  it('records the libphonenumber-js version and a rules version that depends on the rules only', () => {
    expect(rules.libphonenumber).toBe(libphonenumberPackage.version);
    expect(rules.rulesVersion).toMatch(new RegExp(`^${KEY_ALGORITHM_REVISION}\\.[0-9a-f]{10}$`));
    const edited = buildPhoneKeyRules(undefined, rules.libphonenumber);
    expect(edited.rulesVersion).toBe(rules.rulesVersion);
  });

  it('takes each calling code from its main country', () => {
    expect(rules.callingCodes['44']).toEqual(['00', '0|180020', null, expect.any(String), [7, 9, 10]]);
    expect(rules.callingCodes['1']?.slice(0, 3)).toEqual(['011', '1', null]);
    expect(rules.callingCodes['7']?.slice(0, 2)).toEqual(['810', '8']);
    expect(rules.callingCodes['61']?.[0]).toContain('0011');
    expect(rules.callingCodes['54']?.[2]).toBe('9$1');
    expect(rules.callingCodes['800']?.slice(0, 3)).toEqual([null, null, null]);
    expect(Object.keys(rules.callingCodes).length).toBeGreaterThan(210);
  });

  it('produces keys that fit the phone-key fields the Lead/Contact triggers write', () => {
    // A key longer than its field makes the trigger's record.put fail every save of that Lead or Contact, for any
    // user; a calling code without possible lengths would let any digit string through as a key.
    const keyFields = ['Lead', 'Contact'].flatMap((object) => {
      const folder = path.join(__dirname, '../../force-app/main/matching/objects', object, 'fields');
      return ['Phone_Key__c', 'Mobile_Phone_Key__c'].map((field) =>
        readFileSync(path.join(folder, `${field}.field-meta.xml`), 'utf8')
      );
    });
    const fieldLengths = keyFields.map((xml) => Number(/<length>(\d+)<\/length>/.exec(xml)?.[1]));
    expect(fieldLengths.every((length) => length > 0)).toBe(true);
    for (const [code, rule] of Object.entries(rules.callingCodes)) {
      const possibleLengths = rule[4];
      expect(`${code}: ${possibleLengths.length}`).not.toBe(`${code}: 0`);
      expect(code.length + Math.max(...possibleLengths)).toBeLessThanOrEqual(Math.min(...fieldLengths));
    }
  });

  it('ships only patterns a regular-expression engine accepts', () => {
    for (const [code, [international, national, , nationalNumber]] of Object.entries(rules.callingCodes)) {
      for (const pattern of [international, national, nationalNumber]) {
        expect(() => new RegExp(`^(?:${pattern ?? ''})`)).not.toThrow();
        // Apex Pattern is Java's: no JavaScript-only syntax.
        expect(`${code} ${pattern ?? ''}`).not.toMatch(/\(\?<[=!]|\\[pPuk]\{|\/[gimsuy]*$/);
      }
    }
  });

  it('reads Unicode digits and separators', () => {
    const zeros = unicodeDigitZeros();
    expect(zeros).toEqual(expect.arrayContaining([0x0660, 0x06f0, 0x0966, 0xff10]));
    expect(zeros).not.toContain(0x30);
    const fold = foldedCharacters();
    expect(fold[' ']).toEqual(expect.stringContaining('\u00a0'));
    expect(fold[' ']).toEqual(expect.stringContaining('\u202f'));
    expect(fold['-']).toEqual(expect.stringContaining('\u2013'));
    expect(fold['(']).toEqual(expect.stringContaining('\uff08'));
    expect(fold['+']).toEqual(expect.stringContaining('\uff0b'));
  });
});
