/**
 * Oracle: the phone key (port of VclPhoneKey.cls, same rules resource) against libphonenumber-js itself, over
 * libphonenumber-js's example number of every country, written the ways voice systems and CRM users write
 * them, with the org's default country set to the number's own calling code and to +1. Agreement means the
 * same E.164 digits as libphonenumber's reading of the same text (no key where libphonenumber's reading is
 * not a possible number); a collision is one key given to two numbers libphonenumber tells apart.
 *
 * One documented difference: "00" followed by a country code is international for us even where the org's own
 * international prefix is not 00 (+1 dials 011), where libphonenumber reads the digits as a national number.
 * Those writings are checked apart, against the number itself.
 */
import parsePhoneNumber, { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js';
import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.min.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { readCommittedRules } from '../../build/phone-rules';
import { PhoneKeyReader } from '../runtime/phoneKey';

const REQUIRED_AGREEMENT = 0.999;
const reader = new PhoneKeyReader(readCommittedRules());

interface OracleCase {
  input: string;
  /** The example number's own E.164 digits. */
  number: string;
  defaultCountry: CountryCode;
  defaultCallingCode: string;
  expected: string | null;
  actual: string | null;
}

function writings(country: CountryCode, defaultCountry: CountryCode): string[] {
  const phone = getExampleNumber(country, examples);
  if (!phone) {
    return [];
  }
  const digits = phone.number.slice(1);
  const national = phone.formatNational();
  const written = [
    phone.number,
    phone.formatInternational(),
    national,
    phone.getURI(),
    ...(dialsWith00(defaultCountry, digits) ? [`00${digits}`] : []),
    phone.format('IDD', { fromCountry: defaultCountry }),
    // A trunk prefix kept after the country code: "+44 07400 123456".
    `+${phone.countryCallingCode} ${national}`,
    // E.164 digits without the +.
    digits,
    // Messy CRM text: a label and a remark around the number, non-breaking spaces, full-width digits.
    `Mobile: ${phone.formatInternational()} (cell)`,
    phone.formatInternational().replace(/ /g, '\u00A0'),
    national.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
  ];
  phone.setExt('123');
  written.push(phone.formatInternational(), phone.formatNational(), phone.getURI());
  return written.filter((text): text is string => typeof text === 'string' && text !== '');
}

const metadata = new Metadata(metadataJson as unknown as MetadataJson);

/** Whether libphonenumber reads 00 before the digits as the international prefix (its stripIddPrefix). */
function dialsWith00(country: CountryCode, digits: string): boolean {
  metadata.selectNumberingPlan(country);
  // IDDPrefix() is on the class but not in its type declarations.
  const plan = metadata.numberingPlan as unknown as { IDDPrefix(): string } | undefined;
  const match = new RegExp(`^(?:${plan?.IDDPrefix() ?? '$^'})`).exec(`00${digits}`);
  return match !== null && !`00${digits}`.slice(match[0].length).startsWith('0');
}

function libphonenumberKey(input: string, defaultCountry: CountryCode): string | null {
  const parsed = parsePhoneNumber(input, defaultCountry);
  return parsed?.isPossible() ? parsed.number.slice(1) : null;
}

function oracleCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  for (const country of getCountries()) {
    const own = parsePhoneNumber(getExampleNumber(country, examples)?.number ?? '');
    if (!own) {
      continue;
    }
    for (const [defaultCountry, defaultCallingCode] of [
      [country, own.countryCallingCode],
      ['US', '1']
    ] as const) {
      for (const input of new Set(writings(country, defaultCountry))) {
        cases.push({
          input,
          number: own.number.slice(1),
          defaultCountry,
          defaultCallingCode,
          expected: libphonenumberKey(input, defaultCountry),
          actual: reader.parse(input, defaultCallingCode).key
        });
      }
    }
  }
  return cases;
}

/** Keys given to more than one number libphonenumber tells apart. */
function collisionsOf(cases: OracleCase[]): Array<[string, Set<string>]> {
  const numbersByKey = new Map<string, Set<string>>();
  for (const c of cases) {
    if (c.actual !== null && c.expected !== null) {
      numbersByKey.set(c.actual, (numbersByKey.get(c.actual) ?? new Set()).add(c.expected));
    }
  }
  return [...numbersByKey].filter(([, numbers]) => numbers.size > 1);
}

describe('phone key against libphonenumber-js (oracle)', () => {
  const cases = oracleCases();
  const disagreements = cases.filter((c) => c.expected !== c.actual);
  const agreement = (cases.length - disagreements.length) / cases.length;

  it('covers every country libphonenumber-js has an example number for', () => {
    const countries = new Set(cases.map((c) => c.defaultCountry));
    expect(countries.size).toBeGreaterThanOrEqual(240);
    expect(cases.length).toBeGreaterThan(4000);
  });

  it(`agrees on at least ${REQUIRED_AGREEMENT * 100} % of the writings`, () => {
    const percent = (agreement * 100).toFixed(2);
    const collisions = collisionsOf(cases).length;
    // "Figure: …" lines are shown in the summary of npm test (scripts/gate/checks/npm-steps.ts).
    console.log(
      `Figure: phone key oracle: ${cases.length - disagreements.length} of ${cases.length} writings agree with ` +
        `libphonenumber-js (rules ${reader.rulesVersion}): ${percent} %, ${collisions} collisions` +
        disagreements
          .slice(0, 40)
          .map(
            (c) =>
              `\n  "${c.input}" (default ${c.defaultCountry}): libphonenumber ${c.expected}, key ${c.actual}`
          )
          .join('')
    );
    expect(agreement).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  });

  it('never gives two numbers libphonenumber tells apart the same key', () => {
    expect(collisionsOf(cases)).toEqual([]);
  });

  it('reads 00 and a country code as international where the org dials another prefix', () => {
    const written = getCountries().flatMap((country) => {
      const phone = getExampleNumber(country, examples);
      return phone ? [{ input: `00${phone.number.slice(1)}`, number: phone.number.slice(1) }] : [];
    });
    const misread = written.filter(({ input, number }) => reader.parse(input, '1').key !== number);
    expect(written.length).toBeGreaterThanOrEqual(240);
    expect(misread).toEqual([]);
  });

  it('gives no key where libphonenumber reads no possible number', () => {
    expect(cases.filter((c) => c.expected === null && c.actual !== null)).toEqual([]);
  });
});
