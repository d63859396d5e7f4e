import * as ts from 'typescript';
import type { ApexAnalysis } from './analyze';
import type { SoqlIssue } from './resolver';
import { analyzeAnonymousApex, analyzeQueryText } from './analyze';
import type { Schema } from './schema';

/**
 * SOQL/SOSL in the TypeScript org scripts: string and template literals (and `+` chains, and
 * `[…].join(sep)` of literals) whose text starts with SELECT or FIND are checked as queries; those that
 * contain an inline `[SELECT …]`/`[FIND …]` are checked as anonymous Apex. `${…}` substitutions that are
 * `const` strings of the same file are inlined; others become a bind `:p0` (`IN (${ids})` → `IN :p0`),
 * or `p0` inside a quoted SOQL string (`LIKE '${prefix}%'`). A text that then fails to parse is dynamic:
 * reported as info, never as a failure.
 */

/** A query text assembled from source, with the source offset of each of its characters. */
interface Assembled {
  text: string;
  offsets: number[];
  /** Substitutions that could not be resolved to a constant. */
  placeholders: number;
}

export interface TsAnalysis {
  /** Unresolved names and syntax errors of fully-literal queries: positions in the .ts file. */
  issues: SoqlIssue[];
  /** Queries whose text is not known well enough to parse (listed as info). */
  dynamic: SoqlIssue[];
  /** Queries (and snippets' inline queries) checked. */
  queries: number;
}

type Stringy = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

function unwrap(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current)) {
    current = current.expression;
  }
  return current;
}

function isPlus(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/** `[…].join(sep?)`: the call, when node is one. */
function joinCall(
  node: ts.Node
): { elements: readonly ts.Expression[]; separator: ts.Node | undefined } | undefined {
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'join' &&
    ts.isArrayLiteralExpression(unwrap(node.expression.expression)) &&
    node.arguments.length <= 1
  ) {
    const array = unwrap(node.expression.expression) as ts.ArrayLiteralExpression;
    return { elements: array.elements, separator: node.arguments[0] };
  }
  return undefined;
}

/** The outermost expression a literal is part of: through parentheses, `+` and `[…].join()`. */
function rootOf(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent as ts.Node | undefined;
    if (!parent) {
      return current;
    }
    if (ts.isParenthesizedExpression(parent) || isPlus(parent)) {
      current = parent;
      continue;
    }
    const call = ts.isArrayLiteralExpression(parent) ? parent.parent?.parent : undefined;
    if (call && joinCall(call) && ts.isPropertyAccessExpression(parent.parent)) {
      current = call;
      continue;
    }
    return current;
  }
}

function isStringy(node: ts.Node): node is Stringy {
  return (
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)
  );
}

class Assembler {
  private chars: string[] = [];
  private offsets: number[] = [];
  private placeholders = 0;
  private readonly resolving = new Set<string>();

  constructor(
    private readonly file: ts.SourceFile,
    private readonly constants: Map<string, ts.Expression>
  ) {}

  /** Literal text; positions exact when the source spells it without escapes, else at the literal. */
  private text(cooked: string, rawStart: number, raw: string): void {
    const exact = raw === cooked;
    for (let i = 0; i < cooked.length; i++) {
      this.chars.push(cooked.charAt(i));
      this.offsets.push(exact ? rawStart + i : rawStart);
    }
  }

  /** Inside a quoted SOQL string when the text so far has an odd number of unescaped `'`. */
  private inQuotes(): boolean {
    let inside = false;
    for (let i = 0; i < this.chars.length; i++) {
      if (this.chars[i] === '\\') {
        i++;
      } else if (this.chars[i] === "'") {
        inside = !inside;
      }
    }
    return inside;
  }

  private placeholder(at: ts.Node): void {
    // Every character of the placeholder maps to the substitution's start.
    this.text(`${this.inQuotes() ? '' : ':'}p${this.placeholders++}`, at.getStart(this.file), '');
  }

  /** Appends an expression: literals, `+` chains, joins and same-file constants inline; the rest is a bind. */
  add(expr: ts.Node): void {
    const node = unwrap(expr);
    const start = node.getStart(this.file);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      this.text(node.text, start + 1, node.getText(this.file).slice(1, -1));
    } else if (ts.isTemplateExpression(node)) {
      this.text(node.head.text, start + 1, node.head.rawText ?? node.head.text);
      for (const span of node.templateSpans) {
        this.add(span.expression);
        const literal = span.literal;
        this.text(literal.text, literal.getStart(this.file) + 1, literal.rawText ?? literal.text);
      }
    } else if (isPlus(node)) {
      this.add(node.left);
      this.add(node.right);
    } else if (joinCall(node)) {
      const { elements, separator } = joinCall(node) ?? { elements: [], separator: undefined };
      elements.forEach((element, i) => {
        if (i > 0) {
          if (separator) {
            this.add(separator);
          } else {
            this.text(',', node.getStart(this.file), '');
          }
        }
        this.add(element);
      });
    } else if (ts.isIdentifier(node) && this.constants.has(node.text) && !this.resolving.has(node.text)) {
      this.resolving.add(node.text);
      this.add(this.constants.get(node.text) as ts.Expression);
      this.resolving.delete(node.text);
    } else {
      this.placeholder(node);
    }
  }

  /** The text, with `IN (:p0)` turned into `IN :p0` (a bound list; SOQL has no parenthesised bind). */
  result(): Assembled {
    let text = this.chars.join('');
    const offsets = [...this.offsets];
    const inList = /\bIN\s*\(\s*(:p\d+)\s*\)/gi;
    let match: RegExpExecArray | null;
    while ((match = inList.exec(text)) !== null) {
      const bind = match[1] ?? '';
      const open = match[0].indexOf('(');
      const replacement = `${match[0].slice(0, open)}${bind}`;
      const bindAt = offsets[match.index + match[0].indexOf(bind)] ?? 0;
      const replacementOffsets = [
        ...offsets.slice(match.index, match.index + open),
        ...bind.split('').map(() => bindAt)
      ];
      text = text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
      offsets.splice(match.index, match[0].length, ...replacementOffsets);
      inList.lastIndex = match.index + replacement.length;
    }
    return { text, offsets, placeholders: this.placeholders };
  }
}

/** `const NAME = <expression>` declarations of the file, by name (a name declared twice is left out). */
function fileConstants(file: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const twice = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isVariableDeclarationList(node.parent) &&
      (node.parent.flags & ts.NodeFlags.Const) !== 0
    ) {
      if (found.has(node.name.text)) {
        twice.add(node.name.text);
      }
      found.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  twice.forEach((name) => found.delete(name));
  return found;
}

/**
 * What a query looks like: SELECT <names, commas, calls, binds> FROM <name>, or FIND {…}/FIND '…'.
 * ("Select at least one call to retry." is a message, not a query.)
 */
const QUERY_START = /^\s*(select\s+[\w.$:(),\s*]+?\s+from\s+[\w$:]|find\s*[{'])/i;
const INLINE_QUERY = /\[\s*(select|find)\b/i;

/** Line starts of text (offsets), for turning a 1-based line/col in it back into an offset. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The balanced `[SELECT …]` / `[FIND …]` pieces of an Apex fragment: [start, end) of their insides. */
function inlineQueries(text: string): [number, number][] {
  const out: [number, number][] = [];
  const opener = /\[\s*(select|find)\b/gi;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text)) !== null) {
    let depth = 0;
    for (let i = match.index; i < text.length; i++) {
      if (text[i] === '[') {
        depth++;
      } else if (text[i] === ']' && --depth === 0) {
        out.push([match.index + 1, i]);
        opener.lastIndex = i;
        break;
      }
    }
  }
  return out;
}

/** Finds and checks every SOQL/SOSL query and Apex snippet in one TypeScript source. */
export function analyzeTypeScript(source: string, fileName: string, schema: Schema): TsAnalysis {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = fileConstants(file);
  const result: TsAnalysis = { issues: [], dynamic: [], queries: 0 };
  const seen = new Set<string>();
  const position = (offset: number): { line: number; col: number } => {
    const lc = file.getLineAndCharacterOfPosition(offset);
    return { line: lc.line + 1, col: lc.character + 1 };
  };

  /** Maps an analysis of text (which starts at text offset `base` of the assembled query) to the file. */
  const report = (assembled: Assembled, base: number, text: string, analysis: ApexAnalysis): void => {
    const starts = lineStarts(text);
    const at = (issue: SoqlIssue): { line: number; col: number } => {
      const offset = base + (starts[issue.line - 1] ?? 0) + issue.col - 1;
      return position(assembled.offsets[Math.min(offset, assembled.offsets.length - 1)] ?? 0);
    };
    result.queries += analysis.queries;
    for (const issue of analysis.syntaxErrors) {
      result.issues.push({ ...at(issue), message: `query does not parse: ${issue.message}` });
    }
    for (const issue of analysis.issues) {
      result.issues.push({ ...at(issue), message: issue.message });
    }
  };

  const dynamic = (root: ts.Node, text: string, why: string): void => {
    const shown = text.replace(/\s+/g, ' ').trim();
    result.dynamic.push({
      ...position(root.getStart(file)),
      message: `${why}, not checked: ${shown.length > 90 ? `${shown.slice(0, 87)}...` : shown}`
    });
  };

  const check = (root: ts.Node): void => {
    const assembler = new Assembler(file, constants);
    assembler.add(root);
    const assembled = assembler.result();
    const { text } = assembled;
    if (QUERY_START.test(text)) {
      const analysis = analyzeQueryText(text, schema);
      if (analysis.syntaxErrors.length > 0 && assembled.placeholders > 0) {
        dynamic(root, text, 'dynamic query');
        return;
      }
      report(assembled, 0, text, analysis);
      return;
    }
    if (!INLINE_QUERY.test(text)) {
      return;
    }
    // Anonymous Apex: the whole snippet when it parses, else each of its inline queries.
    const whole = analyzeAnonymousApex(text, schema);
    if (whole.syntaxErrors.length === 0) {
      report(assembled, 0, text, whole);
      return;
    }
    for (const [start, end] of inlineQueries(text)) {
      const query = text.slice(start, end);
      const analysis = analyzeQueryText(query, schema);
      if (analysis.syntaxErrors.length > 0) {
        dynamic(root, query, 'inline query of an Apex fragment');
      } else {
        report(assembled, start, query, analysis);
      }
    }
  };

  const visit = (node: ts.Node): void => {
    if ((isStringy(node) || isPlus(node) || joinCall(node)) && rootOf(node) === node) {
      const key = `${node.getStart(file)}:${node.getEnd()}`;
      if (!seen.has(key)) {
        seen.add(key);
        check(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  // A constant used in several queries reports its own mistakes once.
  const unique = new Map(result.issues.map((i) => [`${i.line}:${i.col}:${i.message}`, i]));
  result.issues = [...unique.values()];
  return result;
}
