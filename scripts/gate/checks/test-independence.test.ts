import { analyzeTestIndependence } from './test-independence';

function run(files: Record<string, string[]>): string[] {
  const sources = new Map(Object.entries(files).map(([file, lines]) => [file, lines.join('\n')]));
  return analyzeTestIndependence(sources).map((issue) => `${issue.file}:${issue.line}: ${issue.message}`);
}

const SERVICE = [
  'public with sharing class Service {',
  '  public static Integer count() {',
  '    return helper();',
  '  }',
  '  private static Integer helper() {',
  '    return [SELECT COUNT() FROM Lead WITH USER_MODE];',
  '  }',
  '  public static Integer plain() {',
  '    return 1;',
  '  }',
  '}'
];

describe('test-independence', () => {
  it('reports a test reaching user-mode code outside System.runAs, through the call graph', () => {
    const findings = run({
      'Service.cls': SERVICE,
      'Service_Tests.cls': [
        '@IsTest(IsParallel=true)',
        'private class Service_Tests {',
        '  @IsTest',
        '  static void it_should_count() {',
        "    Assert.areEqual(1, Service.plain(), 'plain');",
        "    Assert.areEqual(0, Service.count(), 'none');",
        '  }',
        '  @IsTest',
        '  static void it_should_count_as_a_user() {',
        '    System.runAs(new User(Id = UserInfo.getUserId())) {',
        "      Assert.areEqual(0, Service.count(), 'none');",
        '    }',
        '  }',
        '  @IsTest',
        '  static void it_should_count_deliberately() {',
        '    // reason: proves the admin path',
        '    Service.count();',
        '  }',
        '}'
      ]
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      /^Service_Tests.cls:6: Service_Tests.it_should_count reaches user-mode code through Service.count → Service.helper \(WITH USER_MODE at Service.cls:6\) outside System.runAs/
    );
  });

  it('reports a test that schedules a job under the name production uses, not one with its own name', () => {
    const findings = run({
      'Scheduler.cls': [
        'public with sharing class Scheduler implements Schedulable {',
        "  public static final String JOB_NAME = 'Retries';",
        "  private static final String TEST_AWARE = Test.isRunningTest() ? JOB_NAME + ' (test)' : JOB_NAME; // reason: own name",
        '  public static Id start(Integer minute) {',
        "    return System.schedule(name(minute), '0 0 * * * ?', new Scheduler());",
        '  }',
        '  public static Id startTestAware() {',
        "    return System.schedule(TEST_AWARE, '0 0 * * * ?', new Scheduler());",
        '  }',
        '  public static Id startNamed(String jobName) {',
        "    return System.schedule(jobName, '0 0 * * * ?', new Scheduler());",
        '  }',
        '  private static String name(Integer minute) {',
        "    return JOB_NAME + ' :' + minute;",
        '  }',
        '  public void execute(SchedulableContext context) {}',
        '}'
      ],
      'Scheduler_Tests.cls': [
        '@IsTest',
        'private class Scheduler_Tests {',
        '  @IsTest',
        '  static void it_should_schedule() {',
        '    Scheduler.startTestAware();',
        "    Scheduler.startNamed('Test job');",
        '    Scheduler.start(5);',
        '  }',
        '}'
      ]
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      /^Scheduler_Tests.cls:7: Scheduler_Tests.it_should_schedule schedules a job under the name production uses \(Scheduler.start \(Scheduler.cls:5\)\)/
    );
  });

  it('follows a job name into a helper of another of our classes', () => {
    const findings = run({
      'RunNames.cls': [
        'public with sharing class RunNames {',
        "  private static final String KEY = Test.isRunningTest() ? 'k' : null; // reason: own name",
        '  public static String jobName(String base) {',
        "    return KEY == null ? base : base + ' (test ' + KEY + ')';",
        '  }',
        '  public static String plain(String base) {',
        "    return base + ' :00';",
        '  }',
        '}'
      ],
      'Nightly.cls': [
        'public with sharing class Nightly implements Schedulable {',
        "  private static final String NAME = RunNames.jobName('Nightly');",
        "  private static final String PLAIN = RunNames.plain('Nightly');",
        '  public static Id start() {',
        "    return System.schedule(NAME, '0 0 2 * * ?', new Nightly());",
        '  }',
        '  public static Id startPlain() {',
        "    return System.schedule(PLAIN, '0 0 2 * * ?', new Nightly());",
        '  }',
        '  public void execute(SchedulableContext context) {}',
        '}'
      ],
      'Nightly_Tests.cls': [
        '@IsTest',
        'private class Nightly_Tests {',
        '  @IsTest',
        '  static void it_should_schedule() {',
        '    Nightly.start();',
        '    Nightly.startPlain();',
        '  }',
        '}'
      ]
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^Nightly_Tests.cls:6: .*\(Nightly.startPlain \(Nightly.cls:8\)\)/);
  });

  it('accepts Test.isRunningTest() that only skips async work, and reports any other use', () => {
    const findings = run({
      'Work.cls': [
        'public with sharing class Work {',
        '  public static Id next(Boolean more) {',
        '    if (Test.isRunningTest() && System.isQueueable()) {',
        '      return null;',
        '    }',
        '    return System.enqueueJob(new Job());',
        '  }',
        '  public static void finish(String kind) {',
        "    if (kind == 'Lead' && !Test.isRunningTest()) {",
        '      Database.executeBatch(new Batch(), 200);',
        '    }',
        '  }',
        '  public static Integer size() {',
        '    if (Test.isRunningTest()) {',
        '      return 1;',
        '    }',
        '    return 200;',
        '  }',
        '}'
      ]
    });
    expect(findings).toEqual([
      expect.stringMatching(
        /^Work.cls:14: Test.isRunningTest\(\) changes what production code does under test/
      )
    ]);
  });
});
