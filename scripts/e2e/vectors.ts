/**
 * The phone-key vectors shared with Apex: force-app/main/matching/staticresources/Phone_Key_Vectors.json
 * (processing engineer; VclPhoneKey_Tests reads the same file). The e2e turns them into a matrix of calls:
 * one seeded Lead per key (stored as +<key>, which normalizes the same under any default country) and one
 * call per input, posted under the group's default country code. Pure apart from reading the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const VECTORS_PATH = path.resolve(
  __dirname,
  '../../force-app/main/matching/staticresources/Phone_Key_Vectors.json'
);

export interface EquivalentGroup {
  defaultCountryCode: string;
  key: string;
  inputs: string[];
}

export interface PhoneVectors {
  equivalent: EquivalentGroup[];
  different: { defaultCountryCode: string; a: string; b: string }[];
  unusable: { defaultCountryCode: string; input: string | null }[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function parseVectors(text: string): PhoneVectors {
  const data = JSON.parse(text) as Partial<PhoneVectors>;
  const equivalent = data.equivalent ?? [];
  equivalent.forEach((g, i) => {
    if (!/^\d{1,3}$/.test(g.defaultCountryCode) || !/^\d{6,15}$/.test(g.key) || !isStringArray(g.inputs)) {
      throw new Error(
        `${VECTORS_PATH}: equivalent[${i}] needs defaultCountryCode (1-3 digits), key (E.164 digits), inputs`
      );
    }
  });
  return { equivalent, different: data.different ?? [], unusable: data.unusable ?? [] };
}

export function loadVectors(file: string = VECTORS_PATH): PhoneVectors {
  return parseVectors(readFileSync(file, 'utf8'));
}

export interface MatrixCall {
  defaultCountryCode: string;
  input: string;
  /** E.164 digits the input must normalize to; the seeded Lead holds +key. */
  key: string;
}

/** Calls grouped by default country (settings change between groups), in file order. */
export function matrixByCountry(vectors: PhoneVectors): Map<string, MatrixCall[]> {
  const byCountry = new Map<string, MatrixCall[]>();
  for (const group of vectors.equivalent) {
    const list = byCountry.get(group.defaultCountryCode) ?? [];
    group.inputs.forEach((input) =>
      list.push({ defaultCountryCode: group.defaultCountryCode, input, key: group.key })
    );
    byCountry.set(group.defaultCountryCode, list);
  }
  return byCountry;
}

export function distinctKeys(vectors: PhoneVectors): string[] {
  return [...new Set(vectors.equivalent.map((g) => g.key))];
}
