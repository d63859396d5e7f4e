/**
 * Generates the phone-key rules static resource (force-app/main/matching/staticresources/Phone_Key_Rules.json)
 * from libphonenumber's metadata (the libphonenumber-js package): per country calling code, the rules
 * VclPhoneKey.cls and its TypeScript port (scripts/workbench/runtime/phoneKey.ts) need to read a number the way
 * libphonenumber does. No country table is kept by hand.
 *
 *   npm run generate:phone-rules          writes the resource
 *   npm run generate:phone-rules -- --check   exits 1 when the committed resource is stale
 *
 * The resource is compact on purpose (VclPhoneKey.cls parses it once per transaction; docs/processing.md "Phone keys and
 * matching" counts its heap): per calling code one array in the order of `fields`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.min.json';
import libphonenumberPackage from 'libphonenumber-js/package.json';

/**
 * Bump when VclPhoneKey.cls / phoneKey.ts read the rules differently: keys computed by the old code are then
 * "keyed with older rules" and the backfill re-keys them. Rule data changes bump the version by themselves.
 */
export const KEY_ALGORITHM_REVISION = 2;

export const RULES_PATH = path.resolve(
  __dirname,
  '../../force-app/main/matching/staticresources/Phone_Key_Rules.json'
);

/** Order of the values in each `callingCodes` entry. */
export const RULE_FIELDS = [
  'internationalPrefix',
  'nationalPrefixForParsing',
  'nationalPrefixTransformRule',
  'nationalNumberPattern',
  'possibleLengths'
] as const;

export type CallingCodeRule = [string | null, string | null, string | null, string, number[]];

export interface VclPhoneKeyRules {
  description: string;
  /** Changes whenever the keys computed from these rules can change (stored on every keyed record). */
  rulesVersion: string;
  /** libphonenumber-js version the rules come from. */
  libphonenumber: string;
  fields: typeof RULE_FIELDS;
  /** Calling code → rule of its main country (the one libphonenumber selects for the code). */
  callingCodes: Record<string, CallingCodeRule>;
  /** Code point of the zero of every run of Unicode decimal digits (BMP) other than ASCII. */
  digitZeros: number[];
  /** ASCII character → the other BMP characters read as it (spaces, dashes, full-width punctuation). */
  fold: Record<string, string>;
}

const FOLD_TARGETS = '+()[]./~';
const ASCII_LIMIT = 0x80;
const BMP_LIMIT = 0x10000;

/** The numbering-plan readers of libphonenumber-js's Metadata class that its type declarations leave out. */
interface NumberingPlanReader {
  IDDPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | 0 | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
}

interface MetadataReader {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan?: NumberingPlanReader;
}

/** One rule per calling code, from the code's main country (libphonenumber's choice for national numbers). */
export function callingCodeRules(json: MetadataJson): Record<string, CallingCodeRule> {
  const metadata = new Metadata(json) as unknown as MetadataReader;
  const nonGeographic = new Set(Object.keys(json.nonGeographic ?? {}));
  const codes = [...Object.keys(json.country_calling_codes), ...nonGeographic].sort(
    (a, b) => Number(a) - Number(b)
  );
  const rules: Record<string, CallingCodeRule> = {};
  for (const code of codes) {
    metadata.selectNumberingPlan(code);
    const plan = metadata.numberingPlan;
    if (!plan) {
      throw new Error(`libphonenumber metadata has no numbering plan for calling code ${code}`);
    }
    // Non-geographic codes (+800, +882, …) are only ever dialled with +: no international or national prefix.
    const geographic = !nonGeographic.has(code);
    rules[code] = [
      geographic ? plan.IDDPrefix() || null : null,
      geographic ? plan.nationalPrefixForParsing() || null : null,
      geographic ? plan.nationalPrefixTransformRule() || null : null,
      plan.nationalNumberPattern(),
      plan.possibleLengths() ?? []
    ];
  }
  return rules;
}

/** Zeros of the Unicode decimal-digit runs (Nd) in the BMP beyond ASCII, from the JavaScript engine's tables. */
export function unicodeDigitZeros(): number[] {
  const zeros: number[] = [];
  for (let cp = ASCII_LIMIT; cp < BMP_LIMIT; cp++) {
    const ch = String.fromCharCode(cp);
    if (/\p{Nd}/u.test(ch) && !/\p{Nd}/u.test(String.fromCharCode(cp - 1))) {
      for (let zero = cp; zero < BMP_LIMIT && /\p{Nd}/u.test(String.fromCharCode(zero)); zero += 10) {
        zeros.push(zero);
      }
    }
  }
  return zeros;
}

/**
 * Characters read as ASCII separators: Unicode spaces (and the invisible ones libphonenumber skips) as ' ',
 * dashes as '-', and whatever NFKC folds to + ( ) [ ] . / ~ (full-width forms) as that character.
 */
export function foldedCharacters(): Record<string, string> {
  const fold: Record<string, string> = { ' ': '\u00AD\u200B\u2060\uFEFF', '-': '\u2212\u30FC' };
  for (let cp = ASCII_LIMIT; cp < BMP_LIMIT; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) {
      continue;
    }
    const ch = String.fromCharCode(cp);
    const normalized = ch.normalize('NFKC');
    let target: string | undefined;
    if (/\s/u.test(ch)) {
      target = ' ';
    } else if (/\p{Pd}/u.test(ch)) {
      target = '-';
    } else if (normalized.length === 1 && FOLD_TARGETS.includes(normalized)) {
      target = normalized;
    }
    if (target !== undefined && !(fold[target] ?? '').includes(ch)) {
      fold[target] = (fold[target] ?? '') + ch;
    }
  }
  return fold;
}

export function buildPhoneKeyRules(
  json: MetadataJson = metadataJson as unknown as MetadataJson,
  libphonenumberVersion: string = libphonenumberPackage.version
): VclPhoneKeyRules {
  const callingCodes = callingCodeRules(json);
  const digitZeros = unicodeDigitZeros();
  const fold = foldedCharacters();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ callingCodes, digitZeros, fold }))
    .digest('hex')
    .slice(0, 10);
  return {
    description:
      'Generated by scripts/build/phone-rules.ts from libphonenumber-js metadata: do not edit. Read by VclPhoneKey.cls ' +
      'and scripts/workbench/runtime/phoneKey.ts (docs/processing.md "Phone keys and matching").',
    rulesVersion: `${KEY_ALGORITHM_REVISION}.${fingerprint}`,
    libphonenumber: libphonenumberVersion,
    fields: RULE_FIELDS,
    callingCodes,
    digitZeros,
    fold
  };
}

/** The resource as the project's prettier writes it (the gate's format check covers it like any file). */
export async function serializeRules(rules: VclPhoneKeyRules): Promise<string> {
  // Loaded here, not at the top: the tests import this module inside Jest, whose VM cannot run prettier 3.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(RULES_PATH)) ?? {};
  return prettier.format(JSON.stringify(rules), { ...options, filepath: RULES_PATH });
}

export function readCommittedRules(file: string = RULES_PATH): VclPhoneKeyRules {
  return JSON.parse(readFileSync(file, 'utf8')) as VclPhoneKeyRules;
}

async function main(argv: string[]): Promise<number> {
  const text = await serializeRules(buildPhoneKeyRules());
  if (argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(RULES_PATH, 'utf8');
    } catch {
      committed = '';
    }
    if (committed !== text) {
      console.error(`${RULES_PATH} is stale: run npm run generate:phone-rules`);
      return 1;
    }
    console.log(`${RULES_PATH} is current`);
    return 0;
  }
  writeFileSync(RULES_PATH, text);
  console.log(`wrote ${RULES_PATH} (${Buffer.byteLength(text)} bytes)`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    }
  );
}
