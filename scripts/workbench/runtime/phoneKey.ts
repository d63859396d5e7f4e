/**
 * The phone key of force-app/main/matching/classes/VclPhoneKey.cls (docs/processing.md "Phone keys and matching"), ported
 * line for line so the workbench's Test Sync preview shows the key and the reading the package would
 * produce. Both read the same generated rules (Phone_Key_Rules.json, from libphonenumber's metadata) and are
 * checked against the same vectors (Phone_Key_Vectors.json): a change to VclPhoneKey.cls that this port misses
 * fails scripts/workbench/lib/phoneKey.test.ts. scripts/workbench/lib/phoneKey.oracle.test.ts measures the
 * agreement with libphonenumber-js itself.
 */

/** Per calling code: international prefix, national prefix for parsing, its transform rule, national
 * number pattern, possible lengths (the `fields` of the rules resource). */
export type CallingCodeRule = [string | null, string | null, string | null, string, number[]];

/** The parts of Phone_Key_Rules.json the key reads (scripts/build/phone-rules.ts writes it). */
export interface PhoneKeyRuleSet {
  rulesVersion: string;
  libphonenumber: string;
  callingCodes: Record<string, CallingCodeRule>;
  digitZeros: number[];
  fold: Record<string, string>;
}

export interface PhoneKeyResult {
  /** E.164 digits, or null when the input is unusable. */
  key: string | null;
  /** Why the input is unusable (null when a key was produced). */
  problem: string | null;
  /** Country calling code the number was read with (null when none could be). */
  countryCode: string | null;
  /** National significant number (null when unusable). */
  nationalNumber: string | null;
  /** What was read but left out of the key (labels, extension, prefixes), in reading order. */
  ignored: string[];
}

/** libphonenumber reads at most 250 characters (MAX_INPUT_STRING_LENGTH). */
const MAX_INPUT_LENGTH = 250;
const NANP = '1';
const ASCII_LIMIT = 128;
/** Characters that keep a number going once it has started (after folding). */
const NUMBER_CHARACTERS = '0123456789 -.()[]/~';
const DIGIT_CHARACTERS = '0123456789';
/** Words that start an extension in what follows the number (libphonenumber's common markers). */
const EXTENSION_PATTERN = /^(?:e?xt?(?:ension|n)?\.?|#|;\s*ext\s*=|,)/i;

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** A calling code and the digits after it (code null when none is known). */
interface CallingCodeReading {
  code: string | null;
  rest: string;
}

interface Reading {
  key: string | null;
  problem: string | null;
  countryCode: string | null;
  nationalNumber: string | null;
  ignored: string[];
}

/** VclPhoneKey.cls: one instance per rule set (the Apex class caches it per transaction). */
export class PhoneKeyReader {
  private readonly foldOf = new Map<number, string>();
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly rules: PhoneKeyRuleSet) {
    for (const [target, characters] of Object.entries(rules.fold)) {
      for (let i = 0; i < characters.length; i++) {
        this.foldOf.set(characters.charCodeAt(i), target);
      }
    }
  }

  get rulesVersion(): string {
    return this.rules.rulesVersion;
  }

  /** VclPhoneKey.isCountryCode: a calling code libphonenumber knows. */
  isCountryCode(code: string | null | undefined): boolean {
    return code !== null && code !== undefined && Object.hasOwn(this.rules.callingCodes, code);
  }

  /** VclPhoneKey.parse: the key of a free-text phone number and how it was read, or why there is none. */
  parse(input: string | null | undefined, defaultCountryCode: string | null | undefined): PhoneKeyResult {
    if (input === null || input === undefined) {
      return failure('empty', []);
    }
    if (input.length > MAX_INPUT_LENGTH) {
      return failure(`longer than ${MAX_INPUT_LENGTH} characters`, []);
    }
    let text = this.fold(input).trim();
    if (text === '') {
      return failure('empty', []);
    }
    const ignored: string[] = [];
    if (text.slice(0, 4).toLowerCase() === 'tel:') {
      ignored.push('"tel:"');
      text = text.slice(4);
    }
    const start = firstIndexOfAny(text, `+${DIGIT_CHARACTERS}`);
    if (start < 0) {
      return failure('no digits', ignored);
    }
    // An opening bracket before the first digit is part of the number: "(201) 555 0123".
    const label = text.slice(0, start).replace(/[\s(\[]+$/, '');
    if (label !== '') {
      ignored.push(`text before the number: "${label}"`);
    }
    let end = start + 1;
    while (end < text.length && NUMBER_CHARACTERS.includes(text.charAt(end))) {
      end++;
    }
    // Like libphonenumber, trailing separators belong to what follows the number.
    while (end > start && !DIGIT_CHARACTERS.includes(text.charAt(end - 1))) {
      end--;
    }
    const rest = text.slice(end).trim();
    if (rest !== '') {
      ignored.push(EXTENSION_PATTERN.test(rest) ? `extension "${rest}"` : `text after the number: "${rest}"`);
    }
    const code = this.isCountryCode(defaultCountryCode) ? (defaultCountryCode as string) : NANP;
    const number = text.slice(start, end);
    const whole = this.read(number, code, ignored);
    const slash = number.indexOf('/');
    if (whole.key !== null || slash < 0) {
      return whole;
    }
    // "(201) 555 0123 / 555-0199": the first of two numbers (a slash inside one number, as in "030/1234567",
    // was read above).
    const first = number.slice(0, slash).trim();
    const firstReading = this.read(first, code, [
      ...ignored,
      `second number: "${number.slice(slash + 1).trim()}"`
    ]);
    return firstReading.key !== null ? firstReading : whole;
  }

  /** ASCII stays; other spaces, dashes and full-width punctuation become ASCII; Unicode digits become 0-9. */
  private fold(input: string): string {
    let out = '';
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c < ASCII_LIMIT) {
        out += input.charAt(i);
        continue;
      }
      const folded = this.foldOf.get(c);
      if (folded !== undefined) {
        out += folded;
        continue;
      }
      const digit = this.digitOf(c);
      out += digit >= 0 ? String(digit) : input.charAt(i);
    }
    return out;
  }

  private digitOf(c: number): number {
    for (const zero of this.rules.digitZeros) {
      if (c >= zero && c <= zero + 9) {
        return c - zero;
      }
    }
    return -1;
  }

  /** libphonenumber's parse of one number: calling code (+, international prefix, or default), national number. */
  private read(number: string, defaultCode: string, ignoredBefore: string[]): Reading {
    const ignored = [...ignoredBefore];
    const digits = number.replace(/[^0-9]/g, '');
    if (digits.length < 2) {
      return failure('too few digits', ignored);
    }
    if (number.startsWith('+') && digits.startsWith('0')) {
      return failure('a 0 after + is not a country calling code', ignored);
    }
    const { code, rest } = this.readCallingCode(number.startsWith('+'), digits, defaultCode, ignored);
    if (code === null) {
      return failure('unknown country calling code', ignored);
    }
    const rule = this.rule(code);
    const nationalNumber = this.extractNationalNumber(rest, rule);
    if (nationalNumber !== rest) {
      ignored.push(
        rest.endsWith(nationalNumber)
          ? `national prefix ${rest.slice(0, rest.length - nationalNumber.length)}`
          : `national prefix: ${rest} read as ${nationalNumber}`
      );
    }
    const length = checkLength(nationalNumber, rule[4]);
    if (length !== 'IS_POSSIBLE') {
      return {
        ...failure(lengthProblem(length, nationalNumber, code, rule[4]), ignored),
        countryCode: code
      };
    }
    return { key: code + nationalNumber, problem: null, countryCode: code, nationalNumber, ignored };
  }

  /** The calling code: after +, the org's international prefix or 00; E.164 without +; else the default. */
  private readCallingCode(
    hasPlus: boolean,
    digits: string,
    defaultCode: string,
    ignored: string[]
  ): CallingCodeReading {
    if (hasPlus) {
      return this.afterCallingCode(digits);
    }
    const home = this.rule(defaultCode);
    const afterPrefix = this.stripInternationalPrefix(digits, home[0]);
    if (afterPrefix !== null) {
      ignored.push(`international prefix ${digits.slice(0, digits.length - afterPrefix.length)}`);
      return this.afterCallingCode(afterPrefix);
    }
    if (digits.startsWith('00') && (digits.length < 3 || digits.charAt(2) !== '0')) {
      // 00 is the international prefix of most of the world: an org whose own is not 00 (+1: 011) still
      // gets foreign numbers written that way.
      ignored.push('international prefix 00');
      return this.afterCallingCode(digits.slice(2));
    }
    if (this.isWithoutPlusSign(digits, defaultCode, home)) {
      ignored.push(`country code ${defaultCode} written without +`);
      return { code: defaultCode, rest: digits.slice(defaultCode.length) };
    }
    return { code: defaultCode, rest: digits };
  }

  private afterCallingCode(internationalDigits: string): CallingCodeReading {
    const code = this.codePrefixOf(internationalDigits);
    return { code, rest: code === null ? '' : internationalDigits.slice(code.length) };
  }

  private rule(code: string): CallingCodeRule {
    const rule = this.rules.callingCodes[code];
    if (rule === undefined) {
      throw new Error(`Phone_Key_Rules has no rule for calling code ${code}`);
    }
    return rule;
  }

  private codePrefixOf(digits: string): string | null {
    for (let size = 1; size <= 3 && size <= digits.length; size++) {
      if (this.isCountryCode(digits.slice(0, size))) {
        return digits.slice(0, size);
      }
    }
    return null;
  }

  /** libphonenumber's stripIddPrefix: the digits after the org's international prefix, or null. */
  private stripInternationalPrefix(digits: string, internationalPrefix: string | null): string | null {
    if (internationalPrefix === null) {
      return null;
    }
    const match = this.pattern(`^(?:${internationalPrefix})`).exec(digits);
    if (match === null) {
      return null;
    }
    const after = digits.slice(match[0].length);
    return after === '' || after.startsWith('0') ? null : after;
  }

  /** libphonenumber's extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: "442079460958" in +44. */
  private isWithoutPlusSign(digits: string, code: string, rule: CallingCodeRule): boolean {
    if (!digits.startsWith(code)) {
      return false;
    }
    const shorter = this.extractNationalNumber(digits.slice(code.length), rule);
    const whole = this.extractNationalNumber(digits, rule);
    return (
      (!this.matchesEntirely(whole, rule[3]) && this.matchesEntirely(shorter, rule[3])) ||
      checkLength(whole, rule[4]) === 'TOO_LONG'
    );
  }

  /** libphonenumber's extractNationalNumber: strips the national prefix unless the number reads better with it. */
  private extractNationalNumber(number: string, rule: CallingCodeRule): string {
    const stripped = this.stripNationalPrefix(number, rule);
    if (stripped === number) {
      return number;
    }
    if (this.matchesEntirely(number, rule[3]) && !this.matchesEntirely(stripped, rule[3])) {
      return number;
    }
    const length = checkLength(stripped, rule[4]);
    return length === 'TOO_SHORT' || length === 'INVALID_LENGTH' ? number : stripped;
  }

  /** libphonenumber's extractNationalNumberFromPossiblyIncompleteNumber (carrier codes dropped with the prefix). */
  private stripNationalPrefix(number: string, rule: CallingCodeRule): string {
    const [, prefixForParsing, transformRule] = rule;
    if (number === '' || prefixForParsing === null) {
      return number;
    }
    const prefix = this.pattern(`^(?:${prefixForParsing})`);
    const match = prefix.exec(number);
    if (match === null) {
      return number;
    }
    const groups = match.length - 1;
    const lastGroup = groups > 0 ? match[groups] : undefined;
    if (transformRule !== null && lastGroup !== undefined && lastGroup !== '') {
      return number.replace(prefix, transformRule);
    }
    return number.slice(match[0].length);
  }

  private matchesEntirely(text: string, pattern: string): boolean {
    return this.pattern(`^(?:${pattern})$`).test(text);
  }

  private pattern(source: string): RegExp {
    let compiled = this.patterns.get(source);
    if (compiled === undefined) {
      compiled = new RegExp(source);
      this.patterns.set(source, compiled);
    }
    return compiled;
  }
}

/** libphonenumber's checkNumberLength over the possible lengths (sorted). */
function checkLength(nationalNumber: string, possibleLengths: number[]): LengthCheck {
  const length = nationalNumber.length;
  if (possibleLengths.length === 0 || possibleLengths.includes(length)) {
    return 'IS_POSSIBLE';
  }
  if (length < (possibleLengths[0] ?? 0)) {
    return 'TOO_SHORT';
  }
  if (length > (possibleLengths[possibleLengths.length - 1] ?? 0)) {
    return 'TOO_LONG';
  }
  return 'INVALID_LENGTH';
}

function lengthProblem(check: LengthCheck, nationalNumber: string, code: string, lengths: number[]): string {
  const expected = `+${code} numbers have ${lengths.join(', ')} digits after the country code`;
  if (check === 'TOO_SHORT') {
    return `too few digits (${nationalNumber.length}): ${expected}`;
  }
  if (check === 'TOO_LONG') {
    return `too many digits (${nationalNumber.length}): ${expected}`;
  }
  return `${nationalNumber.length} digits is not a possible length: ${expected}`;
}

function failure(problem: string, ignored: string[]): Reading {
  return { key: null, problem, countryCode: null, nationalNumber: null, ignored };
}

function firstIndexOfAny(text: string, characters: string): number {
  for (let i = 0; i < text.length; i++) {
    if (characters.includes(text.charAt(i))) {
      return i;
    }
  }
  return -1;
}
