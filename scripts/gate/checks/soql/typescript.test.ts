import * as path from 'node:path';
import { loadSchema } from './schema';
import { analyzeTypeScript } from './typescript';

const schema = loadSchema(path.join(__dirname, '..', '..', 'fixtures', 'clean-project'));

/** The unresolved names of a TypeScript source, as `line:col: message`. */
function issues(source: string): string[] {
  return analyzeTypeScript(source, 'script.ts', schema).issues.map((i) => `${i.line}:${i.col}: ${i.message}`);
}

describe('SOQL in TypeScript org scripts', () => {
  it('reports an unknown field at its line and column in the .ts file', () => {
    const source = [
      "import type { Connection } from '@jsforce/jsforce-node';",
      'export async function tasks(conn: Connection): Promise<unknown> {',
      '  await conn.query(`SELECT Id FROM Task`);',
      '  return conn.query(`SELECT Id, CallObjct',
      '    FROM Task WHERE Nope__c = 1`);',
      '}'
    ].join('\n');
    expect(issues(source)).toEqual([
      '4:33: unknown field CallObjct on Task',
      '5:21: unknown field Nope__c on Task'
    ]);
  });

  it('accepts good queries, in quotes, templates and + chains, and counts them', () => {
    const source = [
      "const a = 'SELECT Id, Body__c, Lead__r.Company FROM Call_Note__c WHERE Minutes__c > 2';",
      'const b = `SELECT COUNT() FROM Task WHERE CallObject != null`;',
      "const c = 'SELECT Id, Subject ' + 'FROM Event ORDER BY StartDateTime';",
      'const d = "FIND {Acme} IN ALL FIELDS RETURNING Lead(Id, Company), Contact(Id, Name)";',
      "const message = 'Select at least one call to retry.';"
    ].join('\n');
    const result = analyzeTypeScript(source, 'script.ts', schema);
    expect(result.issues).toEqual([]);
    expect(result.dynamic).toEqual([]);
    expect(result.queries).toBe(4);
  });

  it('turns substitutions into binds, IN (…) lists into a bound list, and quoted ones into text', () => {
    const source = [
      'function q(id: string, ids: string[], prefix: string): string[] {',
      '  return [',
      "    `SELECT Id FROM Task WHERE WhoId = ${id} AND CallObject LIKE '${prefix}%'`,",
      "    `SELECT Id FROM Event WHERE WhoId IN (${ids.map((i) => `'${i}'`).join(', ')}) AND Nope = ${id}`",
      '  ];',
      '}'
    ].join('\n');
    expect(issues(source)).toEqual(['4:87: unknown field Nope on Event']);
  });

  it('inlines const strings of the same file (reported where the name is spelt)', () => {
    const source = [
      'const FIELDS =',
      "  'Id, Body__c, ' +",
      "  'Minutez__c';",
      'export const one = (id: string): string => `SELECT ${FIELDS} FROM Call_Note__c WHERE Id = ${id}`;',
      'export const two = (id: string): string => `SELECT ${FIELDS} FROM Call_Note__c WHERE Lead__c = ${id}`;'
    ].join('\n');
    expect(issues(source)).toEqual(['3:4: unknown field Minutez__c on Call_Note__c']);
  });

  it('lists a query it cannot assemble as dynamic instead of failing it', () => {
    const source =
      "export const q = (o: string, f: string): string => `SELECT ${f} FROM ${o} WHERE Id = 'x'`;\n" +
      "export const bad = 'SELECT Id, FROM Task';";
    const result = analyzeTypeScript(source, 'script.ts', schema);
    expect(result.dynamic.map((d) => `${d.line}: ${d.message}`)).toEqual([
      "1: dynamic query, not checked: SELECT :p0 FROM :p1 WHERE Id = 'x'"
    ]);
    // Without substitutions a query that does not parse is a mistake of its own.
    expect(result.issues.map((i) => i.line)).toEqual([2]);
    expect(result.issues[0]?.message).toMatch(/^query does not parse/);
  });

  it('checks the inline SOQL of anonymous-Apex snippets, whole or joined from lines', () => {
    const source = [
      'export function snippet(id: string): string {',
      '  return [',
      "    'List<Task> ts = [SELECT Id FROM Task WHERE WhoId = :leadId];',",
      "    `Id leadId = '${id}';`,",
      "    'System.debug([SELECT Nope__c FROM Call_Note__c]);'",
      "  ].join('\\n');",
      '}',
      "export const one = 'delete [SELECT Id FROM Lead WHERE Compny = null];';"
    ].join('\n');
    expect(issues(source)).toEqual([
      '5:27: unknown field Nope__c on Call_Note__c',
      '8:55: unknown field Compny on Lead'
    ]);
  });
});
