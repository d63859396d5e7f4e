import { analyzeDynamicSoql } from './dynamic-soql';

function lines(source: string): number[] {
  return analyzeDynamicSoql(source).map((issue) => issue.line);
}

describe('dynamic-soql', () => {
  it('fails a parameter concatenated into Database.query, through a local variable too', () => {
    const source = [
      'public without sharing class Purge implements Database.Batchable<SObject> {',
      '  private final String status;',
      '  public Database.QueryLocator start(Database.BatchableContext context) {',
      "    String q = 'SELECT Id FROM Call_Log__c WHERE Status__c = \\'' + status + '\\'';",
      '    return Database.getQueryLocator(q);',
      '  }',
      '  public static List<Lead> find(String name) {',
      "    return Database.query('SELECT Id FROM Lead WHERE Name = \\'' + name + '\\'');",
      '  }',
      '}'
    ].join('\n');
    const issues = analyzeDynamicSoql(source);
    expect(issues.map((i) => i.line)).toEqual([4, 8]);
    expect(issues[1]?.message).toMatch(/Database.query \(line 8\) runs a query built from `name`/);
  });

  it('accepts constants, escaped values, locals built from them and the WithBinds methods', () => {
    const source = [
      'public with sharing class Finder {',
      "  private static final String FIELDS = 'SELECT Id, Name FROM Lead';",
      "  private static final String ALL = FIELDS + ' LIMIT 10';",
      '  public static List<Lead> find(String name, Map<String, Object> binds) {',
      "    String q = FIELDS + ' WHERE Name = \\'' + String.escapeSingleQuotes(name) + '\\'';",
      "    q += ' LIMIT ' + 200;",
      '    List<Lead> a = Database.query(q);',
      '    List<Lead> b = Database.query(ALL);',
      "    List<Lead> c = Database.queryWithBinds(FIELDS + ' WHERE Name = :name' + name, binds, AccessLevel.USER_MODE);",
      '    return a;',
      '  }',
      '}'
    ].join('\n');
    expect(lines(source)).toEqual([]);
  });

  it('fails a value appended later with +=, a method result and Search.query', () => {
    const source = [
      'public with sharing class Finder {',
      '  public static void find(String term) {',
      "    String q = 'SELECT Id FROM Lead';",
      "    q += ' WHERE Name = \\'' + term + '\\'';",
      '    Database.query(q);',
      "    Database.countQuery('SELECT COUNT() FROM Lead WHERE ' + filter());",
      "    Search.query('FIND \\'' + term + '\\' RETURNING Lead');",
      '  }',
      "  private static String filter() { return 'Id != null'; }",
      '}'
    ].join('\n');
    expect(lines(source)).toEqual([4, 6, 7]);
  });
});
