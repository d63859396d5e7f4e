/** Light text helpers for Apex sources, for checks that need no parse tree. */

/**
 * The source with comments and string literals blanked out (replaced by spaces, newlines kept),
 * so that offsets and line numbers still match the original.
 */
export function stripCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (ch === '/' && next === '*') {
      out += '  ';
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) {
        out += source[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += i < source.length ? '  ' : '';
      i += 2;
    } else if (ch === "'") {
      out += ' ';
      i++;
      while (i < source.length && source[i] !== "'" && source[i] !== '\n') {
        const width = source[i] === '\\' ? 2 : 1;
        out += ' '.repeat(width);
        i += width;
      }
      out += ' ';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out.slice(0, source.length);
}

/** True when the top-level type is annotated @IsTest (annotations before its first `{`). */
export function isTestClass(source: string): boolean {
  const code = stripCommentsAndStrings(source);
  const header = code.slice(0, code.indexOf('{') >= 0 ? code.indexOf('{') : code.length);
  return /@istest\b/i.test(header);
}

/** The kind of the top-level type: class, interface or enum (undefined for triggers/unparsable). */
export function topLevelKind(source: string): 'class' | 'interface' | 'enum' | undefined {
  const code = stripCommentsAndStrings(source);
  const header = code.slice(0, code.indexOf('{') >= 0 ? code.indexOf('{') : code.length);
  const match = /\b(class|interface|enum)\s+\w+/i.exec(header);
  return match?.[1]?.toLowerCase() as 'class' | 'interface' | 'enum' | undefined;
}

/** True when code (comments and strings already blanked) uses name as a whole word, case-insensitively. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\b`, 'i').test(code);
}
