import { isTestClass, mentions, stripCommentsAndStrings, topLevelKind } from './apex-source';

describe('apex-source', () => {
  it('blanks comments and strings but keeps offsets and lines', () => {
    const source = "a // Foo\n/* Bar\n */ b = 'Baz\\'s'; c";
    const stripped = stripCommentsAndStrings(source);
    expect(stripped).toHaveLength(source.length);
    expect(stripped.split('\n')).toHaveLength(3);
    expect(stripped).not.toMatch(/Foo|Bar|Baz/);
    expect(stripped).toMatch(/^a .*\n.*\n.* b = .*; c$/);
  });

  it('recognises test classes by an @IsTest annotation before the class body', () => {
    expect(isTestClass('@IsTest(IsParallel=true)\nprivate class X_Tests {}')).toBe(true);
    expect(isTestClass('/** @isTest in a comment */ public class X { @IsTest static void m() {} }')).toBe(
      false
    );
    expect(isTestClass('public class X {}')).toBe(false);
  });

  it('tells classes from interfaces and enums', () => {
    expect(topLevelKind('public with sharing class A {}')).toBe('class');
    expect(topLevelKind('public interface B { void m(); }')).toBe('interface');
    expect(topLevelKind('public enum C { X }')).toBe('enum');
  });

  it('matches whole words only, case-insensitively', () => {
    expect(mentions('new normalizer()', 'Normalizer')).toBe(true);
    expect(mentions('NormalizerBatch.run()', 'Normalizer')).toBe(false);
  });
});
