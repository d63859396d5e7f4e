/**
 * Checks a `sf data import tree --plan` file (data/sample-data-plan.json) before it reaches an org, by the
 * rules of the CLI we ship (@salesforce/plugin-data 5.1, lib/api/data/tree/importPlan.js):
 * - a step is `{sobject, files}`; `saveRefs`/`resolveRefs` are ignored and make the CLI warn on every
 *   import, so they are reported here;
 * - a field value is a reference only when it reads `@<Name>Ref<digits>` (`^@\w+Ref\d+$`); the CLI
 *   resolves it against the referenceId of any record in the plan, in any file or order (it defers records
 *   whose references are not saved yet) and fails the import when one never resolves; any other value
 *   starting with `@` is sent to Salesforce as literal text;
 * - a file may hold any number of records: in plan mode the CLI splits them into requests of 200 (the
 *   sObject Tree limit). Only `--files` sends a file as one request, and we never use it.
 * Plus what our sample needs: the record type matches its step, referenceIds are unique, required fields
 * are present, Leads and Contacts have a phone. Pure apart from the injected file reader.
 */

export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Lead: ['LastName', 'Company'],
  Contact: ['LastName'],
  Account: ['Name']
};

/** Leads and Contacts exist in the sample to be matched by phone. */
export const PHONE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Lead: ['Phone', 'MobilePhone'],
  Contact: ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'AssistantPhone']
};

/** What the CLI treats as a reference to another record (functions.js `genericRefRegex`). */
export const REFERENCE_PATTERN = /^@\w+Ref\d+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface PlanSummary {
  problems: string[];
  /** Records per sObject type. */
  counts: Record<string, number>;
  /** Every phone value in the plan, for the format coverage check. */
  phones: string[];
}

export function validateDataPlan(
  planText: string,
  readFile: (relativePath: string) => string | undefined
): PlanSummary {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const phones: string[] = [];
  let plan: unknown;
  try {
    plan = JSON.parse(planText);
  } catch (error) {
    return { problems: [`plan: not JSON (${(error as Error).message})`], counts, phones };
  }
  if (!Array.isArray(plan) || plan.length === 0) {
    return { problems: ['plan: must be a non-empty array of steps'], counts, phones };
  }
  const seenRefs = new Set<string>();
  /** Reference values met while reading, checked once every referenceId of the plan is known. */
  const references: { at: string; field: string; value: string }[] = [];
  plan.forEach((step: unknown, s) => {
    const where = `plan[${s}]`;
    if (
      !isObject(step) ||
      typeof step.sobject !== 'string' ||
      !Array.isArray(step.files) ||
      step.files.length === 0
    ) {
      problems.push(`${where}: needs "sobject" and a non-empty "files" array`);
      return;
    }
    const sobject = step.sobject;
    for (const ignored of ['saveRefs', 'resolveRefs'].filter((k) => k in step)) {
      problems.push(
        `${where}: "${ignored}" is ignored by sf data import tree (it warns on every import); remove it`
      );
    }
    for (const file of step.files) {
      if (typeof file !== 'string') {
        problems.push(`${where}.files: entries must be paths`);
        continue;
      }
      const text = readFile(file);
      if (text === undefined) {
        problems.push(`${file}: missing (listed in ${where})`);
        continue;
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        problems.push(`${file}: not JSON (${(error as Error).message})`);
        continue;
      }
      if (!isObject(data) || !Array.isArray(data.records) || data.records.length === 0) {
        problems.push(`${file}: needs a non-empty "records" array`);
        continue;
      }
      data.records.forEach((record: unknown, r) => {
        const at = `${file} records[${r}]`;
        if (!isObject(record) || !isObject(record.attributes)) {
          problems.push(`${at}: needs "attributes" {type, referenceId}`);
          return;
        }
        const { type, referenceId } = record.attributes;
        if (type !== sobject) problems.push(`${at}: type "${String(type)}" in a ${sobject} step`);
        if (typeof referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(referenceId)) {
          problems.push(`${at}: referenceId must be letters, digits or _`);
        } else if (seenRefs.has(referenceId)) {
          problems.push(`${at}: referenceId ${referenceId} used twice`);
        } else {
          seenRefs.add(referenceId);
        }
        for (const field of REQUIRED_FIELDS[sobject] ?? []) {
          const value = record[field];
          if (typeof value !== 'string' || value.trim() === '')
            problems.push(`${at}: ${field} is required for ${sobject}`);
        }
        const phoneFields = PHONE_FIELDS[sobject];
        if (phoneFields !== undefined) {
          const values = phoneFields
            .map((f) => record[f])
            .filter((v): v is string => typeof v === 'string' && v !== '');
          if (values.length === 0)
            problems.push(`${at}: a ${sobject} in the sample needs a phone (${phoneFields.join('/')})`);
          phones.push(...values);
        }
        for (const [field, value] of Object.entries(record)) {
          if (typeof value !== 'string' || !value.startsWith('@')) continue;
          if (REFERENCE_PATTERN.test(value)) references.push({ at, field, value });
          else {
            problems.push(
              `${at}: ${field} is "${value}", which the CLI sends as text: only @<Name>Ref<digits> is resolved`
            );
          }
        }
        counts[sobject] = (counts[sobject] ?? 0) + 1;
      });
    }
  });
  for (const { at, field, value } of references) {
    if (!seenRefs.has(value.slice(1))) {
      problems.push(`${at}: ${field} references ${value}, which no record in the plan has as referenceId`);
    }
  }
  return { problems, counts, phones };
}
