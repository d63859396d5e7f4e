import { loadVectors } from '../../e2e/vectors';
import { readCommittedRules } from '../../build/phone-rules';
import { PhoneKeyReader } from '../runtime/phoneKey';

// The same vectors and rules VclPhoneKey_Tests (Apex) reads: the port must agree with every one of them.
const vectors = loadVectors();
const reader = new PhoneKeyReader(readCommittedRules());

describe('PhoneKeyReader (port of VclPhoneKey.cls)', () => {
  it.each(vectors.equivalent.flatMap((g) => g.inputs.map((input) => [input, g.defaultCountryCode, g.key])))(
    'keys %p (default country %s) as %s',
    (input, defaultCountryCode, key) => {
      const result = reader.parse(input, defaultCountryCode);
      expect(result).toMatchObject({ key, problem: null });
      expect(`${result.countryCode}${result.nationalNumber}`).toBe(key);
    }
  );

  it.each(vectors.different.map((d) => [d.a, d.b, d.defaultCountryCode]))(
    'keeps %p and %p apart (default country %s)',
    (a, b, defaultCountryCode) => {
      const keyA = reader.parse(a, defaultCountryCode).key;
      const keyB = reader.parse(b, defaultCountryCode).key;
      expect(keyA).not.toBeNull();
      expect(keyB).not.toBeNull();
      expect(keyA).not.toBe(keyB);
    }
  );

  it.each(vectors.unusable.map((u) => [u.input, u.defaultCountryCode]))(
    'gives no key for %p (default country %s)',
    (input, defaultCountryCode) => {
      const result = reader.parse(input, defaultCountryCode);
      expect(result.key).toBeNull();
      expect(result.problem).toEqual(expect.any(String));
    }
  );

  it('says how a messy number was read', () => {
    expect(reader.parse('Mobile: +44 (0)20 7946 0958 ext. 12', '1')).toEqual({
      key: '442079460958',
      problem: null,
      countryCode: '44',
      nationalNumber: '2079460958',
      ignored: ['text before the number: "Mobile:"', 'extension "ext. 12"', 'national prefix 0']
    });
    expect(reader.parse('(201) 555 0123 / 555-0199', '1').ignored).toEqual(['second number: "555-0199"']);
    expect(reader.parse('0011 44 20 7946 0958', '61').ignored).toEqual(['international prefix 0011']);
    expect(reader.parse('442079460958', '44').ignored).toEqual(['country code 44 written without +']);
  });

  it('falls back to +1 for an unknown default country', () => {
    expect(reader.parse('555-123-4567', '999').key).toBe('15551234567');
    expect(reader.parse('555-123-4567', null).key).toBe('15551234567');
  });

  it('refuses input longer than libphonenumber reads', () => {
    expect(reader.parse(`+44 20 7946 0958 ${'x'.repeat(250)}`, '44').problem).toBe(
      'longer than 250 characters'
    );
  });

  it('knows the calling codes of the rules and nothing else', () => {
    for (const code of ['1', '7', '44', '49', '352', '971', '998', '800']) {
      expect(reader.isCountryCode(code)).toBe(true);
    }
    for (const code of ['0', '28', '999', '', null, '4']) {
      expect(reader.isCountryCode(code)).toBe(false);
    }
  });
});
