/**
 * The phone key of force-app/main/matching/classes/PhoneKey.cls (README "Phone keys and matching"), ported
 * line for line so the workbench's Test Sync preview shows the key the package would compute. It is
 * checked against the same vectors the Apex tests read (Phone_Key_Vectors.json): a change to PhoneKey.cls
 * that this port misses fails scripts/workbench/lib/phoneKey.test.ts.
 */

const MAX_DIGITS = 15;
const MIN_INTERNATIONAL_NSN = 4;
const MIN_NATIONAL_NSN = 6;
const NANP = '1';

/** ITU-T E.164 assigned country calling codes (the same prefix-free set as PhoneKey.COUNTRY_CODES). */
const COUNTRY_CODES = new Set(
  (
    '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 ' +
    '64 65 66 81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223 224 225 226 227 ' +
    '228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 ' +
    '252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299 350 351 ' +
    '352 353 354 355 356 357 358 359 370 371 372 373 374 375 376 377 378 379 380 381 382 383 385 386 ' +
    '387 389 420 421 423 500 501 502 503 504 505 506 507 508 509 590 591 592 593 594 595 596 597 598 ' +
    '599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688 689 690 691 692 800 808 ' +
    '850 852 853 855 856 870 878 880 881 882 883 886 888 960 961 962 963 964 965 966 967 968 970 971 ' +
    '972 973 974 975 976 977 979 992 993 994 995 996 998'
  ).split(' ')
);

/** Countries whose national significant number keeps its leading 0 (no trunk prefix). */
const KEEPS_LEADING_ZERO = new Set(['39', '378', '379']);

/** The earliest of these starts an extension or a URI parameter; everything after it is dropped. */
const EXTENSION_MARKERS = ['ext', 'x', '#', ';', ','];

export interface PhoneKeyResult {
  /** E.164 digits, or null when the input is unusable. */
  key: string | null;
  /** Why the input is unusable (null when a key was produced). */
  problem: string | null;
}

const fail = (problem: string): PhoneKeyResult => ({ key: null, problem });

function codePrefixOf(digits: string): string | null {
  for (let size = 1; size <= 3 && size <= digits.length; size++) {
    if (COUNTRY_CODES.has(digits.slice(0, size))) {
      return digits.slice(0, size);
    }
  }
  return null;
}

function beforeExtension(text: string): string {
  let cut = text.length;
  for (const marker of EXTENSION_MARKERS) {
    const at = text.indexOf(marker);
    if (at >= 0 && at < cut) {
      cut = at;
    }
  }
  return text.slice(0, cut);
}

function finish(code: string, nsn: string, minNsn: number): PhoneKeyResult {
  if (code === NANP && nsn.length !== 10) {
    return fail('a NANP (+1) number has 10 digits after the country code');
  }
  if (nsn.length < minNsn) {
    return fail('too few digits');
  }
  if (code.length + nsn.length > MAX_DIGITS) {
    return fail('more than 15 digits');
  }
  return { key: code + nsn, problem: null };
}

function fromInternational(digits: string): PhoneKeyResult {
  const code = codePrefixOf(digits);
  if (code === null) {
    return fail('unknown country calling code');
  }
  return finish(code, digits.slice(code.length), MIN_INTERNATIONAL_NSN);
}

function fromNational(digits: string, cc: string): PhoneKeyResult {
  let nsn = digits;
  if (cc === NANP) {
    if (nsn.length === 11 && nsn.startsWith('1')) {
      nsn = nsn.slice(1);
    }
  } else if (!KEEPS_LEADING_ZERO.has(cc) && nsn.startsWith('0')) {
    nsn = nsn.slice(1);
  }
  return finish(cc, nsn, MIN_NATIONAL_NSN);
}

/** PhoneKey.parse: the key of a free-text phone number, or why there is none. */
export function parsePhoneKey(input: string | null | undefined, defaultCountryCode: string): PhoneKeyResult {
  if (input === null || input === undefined || input.trim() === '') {
    return fail('empty');
  }
  let text = input.trim().toLowerCase();
  if (text.startsWith('tel:')) {
    text = text.slice(4);
  }
  text = beforeExtension(text);
  const compact = text.replace(/[\s().\-/]/g, '');
  if (compact.length === 0 || compact.replace(/[^0-9]/g, '').length === 0) {
    return fail('no digits');
  }
  if (!/^[0-9]+$/.test(compact.replace(/^\+/, ''))) {
    return fail('contains characters other than digits and separators');
  }
  const digits = compact.replace(/\+/g, '');
  const cc = COUNTRY_CODES.has(defaultCountryCode) ? defaultCountryCode : NANP;

  let international: string | null = null;
  if (compact.startsWith('+')) {
    international = digits;
  } else if (digits.startsWith('00')) {
    international = digits.slice(2);
  } else if (cc === NANP && digits.startsWith('011')) {
    // 011 is the NANP international prefix; elsewhere 011x can be a national area code (UK 0117).
    international = digits.slice(3);
  }
  if (international !== null) {
    // "+44 (0)20 …": the (0) is the national trunk prefix written inside an international number.
    const prefix = codePrefixOf(international);
    if (text.includes('(0)') && prefix !== null && international.startsWith(`${prefix}0`)) {
      international = prefix + international.slice(prefix.length + 1);
    }
    return fromInternational(international);
  }
  return fromNational(digits, cc);
}
