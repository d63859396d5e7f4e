import * as path from 'node:path';
import { analyzeApex, apexStringValue } from './analyze';
import { loadSchema } from './schema';

const schema = loadSchema(path.join(__dirname, '..', '..', 'fixtures', 'clean-project'));

/** The unresolved names in a method body, as `line: message` (line 1 is the body's first line). */
function issues(body: string): string[] {
  const result = analyzeApex(`public class T {\nvoid m(String s) {\n${body}\n}\n}`, 'class', schema);
  expect(result.syntaxErrors).toEqual([]);
  return result.issues.map((i) => `${i.line - 2}: ${i.message}`);
}

describe('SOQL reference check', () => {
  it('accepts custom fields, standard fields and relationships from metadata, in any case', () => {
    expect(
      issues(
        'List<Call_Note__c> n = [SELECT id, NAME, body__C, Minutes__c, CreatedBy.Name, Lead__r.Company, Lead__r.Owner.Name\n' +
          'FROM call_note__c WHERE Lead__c != null AND Minutes__c > 2 WITH USER_MODE ORDER BY CreatedDate DESC];'
      )
    ).toEqual([]);
  });

  it('reports an unknown field, relationship or object with its line', () => {
    expect(
      issues('Object a = [SELECT Id FROM Call_Note__c];\nObject b = [SELECT Nope__c FROM Call_Note__c];')
    ).toEqual(['2: unknown field Nope__c on Call_Note__c']);
    expect(issues('Object a = [SELECT Lead__r.Nope FROM Call_Note__c];')).toEqual([
      '1: unknown field Nope on Lead'
    ]);
    expect(issues('Object a = [SELECT Bad__r.Name FROM Call_Note__c];')).toEqual([
      '1: unknown relationship Bad__r on Call_Note__c'
    ]);
    expect(issues('Object a = [SELECT Lead__c.Name FROM Call_Note__c];')).toEqual([
      '1: unknown relationship Lead__c on Call_Note__c (Lead__c is a field, not a relationship)'
    ]);
    expect(issues('Object a = [SELECT Id FROM Nope__c];')).toEqual([
      '1: unknown object Nope__c (not in force-app metadata nor in scripts/gate/standard-schema.json)'
    ]);
  });

  it('checks the standard fields of Task and Event we write', () => {
    expect(
      issues(
        'Object t = [SELECT Subject, Status, Type, TaskSubtype, CallType, CallDurationInSeconds, CallDisposition, CallObject,\n' +
          'ActivityDate, Description, WhoId, WhatId, OwnerId, Priority, IsClosed, Who.Name, What.Name, Owner.Name FROM Task];\n' +
          'Object e = [SELECT StartDateTime, EndDateTime, DurationInMinutes, IsReminderSet, ReminderDateTime, ActivityDateTime,\n' +
          'ActivityDate FROM Event];'
      )
    ).toEqual([]);
    expect(issues('Object t = [SELECT CallDuration FROM Task];')).toEqual([
      '1: unknown field CallDuration on Task'
    ]);
  });

  it('resolves child sub-queries through standard and custom child relationships', () => {
    expect(
      issues(
        'Object l = [SELECT Id, (SELECT Id, Subject FROM Tasks), (SELECT Body__c FROM Call_Notes__r) FROM Lead];'
      )
    ).toEqual([]);
    expect(
      issues('Object l = [SELECT Id, (SELECT Nope FROM Tasks), (SELECT Id FROM Notes__r) FROM Lead];')
    ).toEqual(['1: unknown field Nope on Task', '1: unknown child relationship Notes__r on Lead']);
  });

  it('resolves semi-joins, aggregates with aliases, GROUP BY, HAVING and date functions', () => {
    expect(
      issues(
        'Object a = [SELECT COUNT(Id) total, Status s, MAX(CreatedDate) latest FROM Lead\n' +
          'WHERE Id IN (SELECT WhoId FROM Task WHERE CALENDAR_YEAR(ActivityDate) = 2026)\n' +
          'GROUP BY Status HAVING COUNT(Id) > 1];'
      )
    ).toEqual([]);
    expect(issues('Object a = [SELECT Id FROM Lead WHERE Id IN (SELECT WhoIdd FROM Task)];')).toEqual([
      '1: unknown field WhoIdd on Task'
    ]);
    expect(issues('Object a = [SELECT MAX(Nope__c) m FROM Call_Note__c GROUP BY Bad__c];')).toEqual([
      '1: unknown field Nope__c on Call_Note__c',
      '1: unknown field Bad__c on Call_Note__c'
    ]);
  });

  it('resolves TYPEOF branches on their own objects', () => {
    expect(
      issues(
        'Object t = [SELECT TYPEOF What WHEN Account THEN Phone WHEN Opportunity THEN Amount ELSE Name END FROM Task];'
      )
    ).toEqual([]);
    expect(
      issues('Object t = [SELECT TYPEOF What WHEN Account THEN Amount ELSE Name END FROM Task];')
    ).toEqual(['1: unknown field Amount on Account']);
  });

  it('checks SOSL RETURNING lists', () => {
    expect(
      issues(
        'Object r = [FIND :s IN PHONE FIELDS RETURNING Lead(Id, Name WHERE IsConverted = false), Contact(Id)];'
      )
    ).toEqual([]);
    expect(issues('Object r = [FIND :s IN PHONE FIELDS RETURNING Lead(Id, Phoen)];')).toEqual([
      '1: unknown field Phoen on Lead'
    ]);
  });

  it('checks Database.query string literals, but not text it cannot know', () => {
    expect(issues("Object a = Database.query('SELECT Id, Nope__c FROM Call_Note__c');")).toEqual([
      '1: unknown field Nope__c on Call_Note__c'
    ]);
    expect(
      issues(
        "Object a = Database.queryWithBinds('SELECT Id FROM Lead WHERE Phone = :p', new Map<String, Object>(), AccessLevel.USER_MODE);"
      )
    ).toEqual([]);
    expect(
      issues("Object a = Database.query('SELECT Nope FROM Lead WHERE Name = \\'' + s + '\\'');")
    ).toEqual([]);
    expect(issues("Object a = Database.query('SELECT FROM Lead');")[0]).toMatch(
      /^1: query string does not parse as SOQL/
    );
  });

  it('checks dynamic queries built from final String constants, or from a constant prefix that is a whole query', () => {
    const source = [
      'public class T {',
      "  private static final String FIELDS = 'SELECT Id, Body__c, Nope__c ' +",
      "    'FROM Call_Note__c ';",
      "  private static final String GOOD = 'SELECT Id FROM Call_Note__c';",
      '  void m(String filter, Map<String, Object> binds) {',
      '    Object a = Database.queryWithBinds(FIELDS + filter, binds, AccessLevel.USER_MODE);',
      "    Object b = Database.countQueryWithBinds('SELECT COUNT() FROM Nope__c ' + filter, binds, AccessLevel.USER_MODE);",
      '    Object c = Database.query(GOOD);',
      "    Object d = Database.query('SELECT Id ' + 'FROM Lead WHERE Phoen = null');",
      '  }',
      '}'
    ].join('\n');
    const result = analyzeApex(source, 'class', schema);
    expect(result.issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      '2: unknown field Nope__c on Call_Note__c',
      '7: unknown object Nope__c (not in force-app metadata nor in scripts/gate/standard-schema.json)',
      '9: unknown field Phoen on Lead'
    ]);
  });

  it('reports Apex syntax errors instead of resolving queries', () => {
    const result = analyzeApex('public class T {\n  void m( {\n  }\n}', 'class', schema);
    expect(result.syntaxErrors).toHaveLength(1);
    expect(result.syntaxErrors[0]?.line).toBe(2);
  });

  it('parses triggers', () => {
    const result = analyzeApex(
      'trigger NoteTrigger on Call_Note__c (before insert) {\n  Object a = [SELECT Nope__c FROM Call_Note__c];\n}',
      'trigger',
      schema
    );
    expect(result.issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      '2: unknown field Nope__c on Call_Note__c'
    ]);
  });
});

describe('apexStringValue', () => {
  it('decodes Apex escapes', () => {
    expect(apexStringValue("'it\\'s a \\\\ b\\n'")).toBe("it's a \\ b\n");
  });
});
