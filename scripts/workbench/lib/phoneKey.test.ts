import { loadVectors } from '../../e2e/vectors';
import { parsePhoneKey } from '../runtime/phoneKey';

// The same vectors PhoneKey_Tests (Apex) reads: the port must agree with every one of them.
const vectors = loadVectors();

describe('parsePhoneKey (port of PhoneKey.cls)', () => {
  it.each(vectors.equivalent.flatMap((g) => g.inputs.map((input) => [input, g.defaultCountryCode, g.key])))(
    'keys %p (default country %s) as %s',
    (input, defaultCountryCode, key) => {
      expect(parsePhoneKey(input, defaultCountryCode)).toEqual({ key, problem: null });
    }
  );

  it.each(vectors.different.map((d) => [d.a, d.b, d.defaultCountryCode]))(
    'keeps %p and %p apart (default country %s)',
    (a, b, defaultCountryCode) => {
      expect(parsePhoneKey(a, defaultCountryCode).key).not.toBe(parsePhoneKey(b, defaultCountryCode).key);
    }
  );

  it.each(vectors.unusable.map((u) => [u.input, u.defaultCountryCode]))(
    'gives no key for %p (default country %s)',
    (input, defaultCountryCode) => {
      const result = parsePhoneKey(input, defaultCountryCode);
      expect(result.key).toBeNull();
      expect(result.problem).toEqual(expect.any(String));
    }
  );
});
