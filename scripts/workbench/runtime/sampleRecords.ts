/**
 * The sample Lead and Contact the workbench shows record pages for. Their ids come from the fixtures
 * (the Lead/Contact most calls matched), so links from the sync log land on these pages; the other
 * field values are sample data of our own (PREVIEW BEHAVIOUR — workbench only).
 */
import fixtures from 'workbench:fixtures';
import { SAMPLE_USERS } from './sampleUsers';

export interface SampleField {
  apiName: string;
  label: string;
  value: string;
}

export interface SampleRecord {
  id: string;
  objectApiName: 'Lead' | 'Contact';
  name: string;
  iconName: string;
  /** Shown in the highlights panel and the details card; also served by lightning/uiRecordApi. */
  fields: SampleField[];
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

interface IdStats {
  count: number;
  name?: string;
}

/** Counts ids by key prefix across all fixtures and remembers a name seen next to each id. */
export function collectIds(data: unknown): Map<string, IdStats> {
  const stats = new Map<string, IdStats>();
  const note = (id: string, name?: string): void => {
    const entry = stats.get(id) ?? { count: 0 };
    entry.count += 1;
    entry.name = entry.name ?? name;
    stats.set(id, entry);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) {
      return;
    }
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'string' && ID_PATTERN.test(value) && /^(00Q|003)/.test(value)) {
        // Name beside the id: {Id, Name}, {X__c, X__r: {Name}}, {recordId, recordName|name}.
        const relationship = key.endsWith('__c') ? record[key.replace(/__c$/, '__r')] : undefined;
        const relName =
          typeof relationship === 'object' && relationship !== null
            ? (relationship as Record<string, unknown>).Name
            : undefined;
        const sibling =
          key === 'Id'
            ? record.Name
            : (record[key.replace(/Id$/, 'Name')] ?? record[key.replace(/Id$/, 'RecordName')]);
        const name = [relName, sibling].find(
          (candidate): candidate is string => typeof candidate === 'string' && candidate.length > 0
        );
        note(value, name);
      }
      visit(value);
    }
  };
  visit(data);
  return stats;
}

function mostUsed(stats: Map<string, IdStats>, prefix: string): [string, IdStats] | undefined {
  return [...stats.entries()]
    .filter(([id]) => id.startsWith(prefix))
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0];
}

const ids = collectIds(fixtures);
const lead = mostUsed(ids, '00Q');
const contact = mostUsed(ids, '003');

export const SAMPLE_LEAD: SampleRecord = {
  id: lead?.[0] ?? '00Q5g00000WbLeadAAA',
  objectApiName: 'Lead',
  name: lead?.[1].name ?? 'Maria Gonzalez',
  iconName: 'standard:lead',
  fields: [
    { apiName: 'Company', label: 'Company', value: 'Bright Smile Dental' },
    { apiName: 'Phone', label: 'Phone', value: '(415) 555-0142' },
    { apiName: 'MobilePhone', label: 'Mobile', value: '(555) 987-6543' },
    { apiName: 'Email', label: 'Email', value: 'maria@brightsmile.example' },
    { apiName: 'Status', label: 'Lead Status', value: 'Working - Contacted' },
    { apiName: 'LeadSource', label: 'Lead Source', value: 'Phone Inquiry' }
  ]
};

export const SAMPLE_CONTACT: SampleRecord = {
  id: contact?.[0] ?? '0035g00000WbCntAAA',
  objectApiName: 'Contact',
  name: contact?.[1].name ?? 'James Okafor',
  iconName: 'standard:contact',
  fields: [
    { apiName: 'Account.Name', label: 'Account Name', value: 'Northwind Health' },
    { apiName: 'Title', label: 'Title', value: 'Practice Manager' },
    { apiName: 'Phone', label: 'Phone', value: '(312) 555-0178' },
    { apiName: 'MobilePhone', label: 'Mobile', value: '(312) 555-0199' },
    { apiName: 'Email', label: 'Email', value: 'd.okafor@northwind.example' },
    { apiName: 'MailingCity', label: 'Mailing City', value: 'Chicago' }
  ]
};

export const SAMPLE_RECORDS: SampleRecord[] = [SAMPLE_LEAD, SAMPLE_CONTACT];

export { SAMPLE_USERS };

/** Records a picker can offer for an object. */
export function sampleRecordsOf(objectApiName: string): Array<{ id: string; name: string }> {
  if (objectApiName === 'User') {
    return SAMPLE_USERS;
  }
  return SAMPLE_RECORDS.filter((record) => record.objectApiName === objectApiName).map(({ id, name }) => ({
    id,
    name
  }));
}
