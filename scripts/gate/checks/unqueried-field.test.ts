import { analyzeUnqueriedFields } from './unqueried-field';

function run(files: Record<string, string[]>): string[] {
  const sources = new Map(Object.entries(files).map(([file, lines]) => [file, lines.join('\n')]));
  return analyzeUnqueriedFields(sources).map((r) => `${r.file}:${r.line}: ${r.message}`);
}

describe('unqueried-field', () => {
  it('reports a field read from query rows that the query does not select, within a method', () => {
    const findings = run({
      'A.cls': [
        'public with sharing class A {',
        '  public static void run(Id leadId) {',
        '    List<Lead> leads = [SELECT Id, Name, Owner.Name FROM Lead WHERE Id = :leadId WITH USER_MODE];',
        '    Lead first = leads[0];',
        '    String a = first.Name + first.Owner.Name + first.Owner.Id + first.Id;',
        '    String b = first.Phone;',
        '    for (Lead l : leads) {',
        '      l.Email = l.Company;',
        '    }',
        '    String c = leads.get(0).Owner.Email;',
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([
      'A.cls:6: Phone is read from Lead rows whose query (line 3) does not select it',
      'A.cls:8: Company is read from Lead rows whose query (line 3) does not select it',
      'A.cls:10: Owner.Email is read from Lead rows whose query (line 3) does not select it'
    ]);
  });

  it('follows rows passed to a private helper and to another class, and Database.query literals', () => {
    const findings = run({
      'Controller.cls': [
        'public with sharing class Controller {',
        '  public static void run() {',
        '    for (Call_Log__c call : [SELECT Properties_JSON__c FROM Call_Log__c WITH USER_MODE]) {',
        '      Mapper.values(call);',
        '    }',
        "    List<Lead> leads = Database.query('SELECT Id, Matched__r.Name FROM Lead WITH USER_MODE');",
        '    describe(leads);',
        '  }',
        '  private static void describe(List<Lead> rows) {',
        '    for (Lead row : rows) {',
        '      System.debug(row.Matched__r.Name + row.Matched__r.Phone);',
        '    }',
        '  }',
        '}'
      ],
      'Mapper.cls': [
        'public with sharing class Mapper {',
        '  public static Map<String, Object> values(Call_Log__c call) {',
        "    return new Map<String, Object>{ 'id' => call.External_Call_Id__c, 'p' => call.Properties_JSON__c };",
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([
      'Controller.cls:4: call (Call_Log__c rows from the query at line 3) is passed to Mapper.values, which reads External_Call_Id__c: not selected',
      'Controller.cls:7: leads (Lead rows from the query at line 6) is passed to Controller.describe, which reads Matched__r.Phone: not selected'
    ]);
  });

  it('follows rows into a constructor, of an inner class and of another class', () => {
    const findings = run({
      'Controller.cls': [
        'public with sharing class Controller {',
        '  public static Object run(Id logId) {',
        '    Call_Log__c log = [SELECT Id, Name FROM Call_Log__c WHERE Id = :logId WITH USER_MODE];',
        '    Object a = new LogRow(log);',
        '    return new Other.Row(log);',
        '  }',
        '  public class LogRow {',
        '    public String status;',
        '    public LogRow(Call_Log__c log) {',
        '      this.status = log.Name + log.Callback_Status__c;',
        '    }',
        '  }',
        '}'
      ],
      'Other.cls': [
        'public with sharing class Other {',
        '  public class Row {',
        '    public Row(Call_Log__c source) {',
        '      System.debug(source.Outcome__c);',
        '    }',
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([
      'Controller.cls:4: log (Call_Log__c rows from the query at line 3) is passed to new LogRow, which reads Callback_Status__c: not selected',
      'Controller.cls:5: log (Call_Log__c rows from the query at line 3) is passed to new Other.Row, which reads Outcome__c: not selected'
    ]);
  });

  it('follows an element of the rows passed straight to a method or constructor', () => {
    const findings = run({
      'Detail.cls': [
        'public with sharing class Detail {',
        '  public static void run(Id logId) {',
        '    List<Call_Log__c> rows = [SELECT Id FROM Call_Log__c WHERE Id = :logId WITH USER_MODE];',
        '    Row first = new Row(rows[0]);',
        '    String status = toDetail(rows.get(0));',
        '    for (Call_Log__c each : rows) {',
        '      Helper.describe(each);',
        '    }',
        '  }',
        '  private static String toDetail(Call_Log__c log) {',
        '    return log.Callback_Status__c;',
        '  }',
        '  public class Row {',
        '    public Row(Call_Log__c log) {',
        '      System.debug(log.Outcome__c);',
        '    }',
        '  }',
        '}'
      ],
      'Helper.cls': [
        'public with sharing class Helper {',
        '  public static void describe(Call_Log__c log) {',
        '    System.debug(log.Summary__c);',
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([
      'Detail.cls:4: rows[0] (Call_Log__c rows from the query at line 3) is passed to new Row, which reads Outcome__c: not selected',
      'Detail.cls:5: rows.get(0) (Call_Log__c rows from the query at line 3) is passed to Detail.toDetail, which reads Callback_Status__c: not selected',
      'Detail.cls:7: each (Call_Log__c rows from the query at line 3) is passed to Helper.describe, which reads Summary__c: not selected'
    ]);
  });

  it('finds nothing when the constructor or method reads only what the query selects, or gets a record built in code', () => {
    const findings = run({
      'Clean.cls': [
        'public with sharing class Clean {',
        '  public static void run(Id logId) {',
        '    List<Call_Log__c> rows = [SELECT Id, Callback_Status__c FROM Call_Log__c WHERE Id = :logId WITH USER_MODE];',
        '    Row first = new Row(rows[0]);',
        '    String status = toDetail(rows.get(0));',
        "    Row built = new Row(new Call_Log__c(Outcome__c = 'Booked'));",
        '    List<Row> copies = new List<Row>(rows);',
        '  }',
        '  private static String toDetail(Call_Log__c log) {',
        "    log.Outcome__c = 'Booked';",
        '    return log.Callback_Status__c;',
        '  }',
        '  public class Row {',
        '    public Row(Call_Log__c log) {',
        '      System.debug(log.Callback_Status__c);',
        '    }',
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([]);
  });

  it('accepts writes, sub-queries, aggregates and variables that also hold other records', () => {
    const findings = run({
      'B.cls': [
        'public with sharing class B {',
        '  public static void run() {',
        '    Lead lead = [SELECT Id FROM Lead LIMIT 1];',
        "    lead.Phone = '1';",
        '    Account account = [SELECT Id, (SELECT Id FROM Contacts) FROM Account LIMIT 1];',
        '    Integer n = account.Contacts.size();',
        '    AggregateResult total = [SELECT COUNT(Id) c FROM Lead];',
        '    Contact other = [SELECT Id FROM Contact LIMIT 1];',
        "    other = new Contact(LastName = 'x');",
        '    String s = other.LastName;',
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([]);
  });
});
