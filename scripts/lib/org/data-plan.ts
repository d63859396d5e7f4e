/**
 * Checks a `sf data import tree` plan (data/sample-data-plan.json) before it reaches an org: the files exist,
 * every record's type matches its step, reference ids are unique, every @Ref points at a record saved by an
 * earlier step with saveRefs, required fields are present, and each file stays within the 200 records the
 * command accepts per file. Pure apart from the injected file reader.
 */

export interface PlanStep {
  sobject: string;
  saveRefs?: boolean;
  resolveRefs?: boolean;
  files: string[];
}

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

export const MAX_RECORDS_PER_FILE = 200;

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
  const savedRefs = new Set<string>();
  const seenRefs = new Set<string>();
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
    const stepRefs: string[] = [];
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
      if (data.records.length > MAX_RECORDS_PER_FILE) {
        problems.push(
          `${file}: ${data.records.length} records; sf data import tree takes at most ${MAX_RECORDS_PER_FILE} per file`
        );
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
          stepRefs.push(referenceId);
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
          if (typeof value === 'string' && value.startsWith('@')) {
            if (step.resolveRefs !== true)
              problems.push(`${at}: ${field} references ${value} but the step has no resolveRefs`);
            else if (!savedRefs.has(value.slice(1))) {
              problems.push(
                `${at}: ${field} references ${value}, not saved by an earlier step with saveRefs`
              );
            }
          }
        }
        counts[sobject] = (counts[sobject] ?? 0) + 1;
      });
    }
    if (step.saveRefs === true) stepRefs.forEach((ref) => savedRefs.add(ref));
  });
  return { problems, counts, phones };
}
