/**
 * Reads Apex sources with @apexdevtools/apex-parser and extracts what the LWC type generation needs:
 * every top-level class with its inner classes, enums, `@AuraEnabled` properties and `@AuraEnabled`
 * static methods. Types are kept as parsed trees (`ApexTypeRef`) so the mapping to TypeScript can
 * resolve names against all classes of the project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ApexErrorListener,
  ApexParserFactory,
  type ClassDeclarationContext,
  type EnumDeclarationContext,
  type ModifierContext,
  type TypeRefContext
} from '@apexdevtools/apex-parser';
import { listFiles } from './sobject-model';

/** A parsed Apex type reference: `List<Map<String, Foo.Bar>>` → name `List`, args […]. */
export interface ApexTypeRef {
  /** Dotted name as written, e.g. `VclSettingsController.Settings`, `String`, `List`. */
  name: string;
  typeArgs: ApexTypeRef[];
  /** Number of `[]` suffixes (`String[]` is a List). */
  arrayDepth: number;
}

export interface ApexParam {
  name: string;
  type: ApexTypeRef;
}

export interface ApexMethod {
  name: string;
  params: ApexParam[];
  /** null for `void`. */
  returnType: ApexTypeRef | null;
  cacheable: boolean;
  line: number;
}

export interface ApexProperty {
  name: string;
  type: ApexTypeRef;
}

export interface ApexClass {
  /** Simple name, e.g. `Settings`. */
  name: string;
  /** Full name, e.g. `VclSettingsController.Settings` (top-level: same as name). */
  fullName: string;
  /** Full name of the enclosing class, null for a top-level class. */
  outer: string | null;
  kind: 'class' | 'enum' | 'interface';
  /** `extends` clause as written, if any. */
  superType: ApexTypeRef | null;
  auraProperties: ApexProperty[];
  /** `@AuraEnabled` static methods (only meaningful on top-level classes). */
  auraMethods: ApexMethod[];
  /** Enum constants (kind 'enum'). */
  enumValues: string[];
  file: string;
}

export class ApexParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

class CollectingErrorListener extends ApexErrorListener {
  readonly errors: { line: number; column: number; msg: string }[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push({ line, column, msg });
  }
}

/** Returns the annotation name (lower case) and whether `cacheable=true` for each annotation. */
function annotations(modifiers: ModifierContext[]): { name: string; text: string }[] {
  const result: { name: string; text: string }[] = [];
  for (const modifier of modifiers) {
    const annotation = modifier.annotation() as ReturnType<ModifierContext['annotation']> | null;
    if (annotation) {
      result.push({ name: annotation.id().getText().toLowerCase(), text: annotation.getText() });
    }
  }
  return result;
}

function isAuraEnabled(modifiers: ModifierContext[]): boolean {
  return annotations(modifiers).some((a) => a.name === 'auraenabled');
}

function isStatic(modifiers: ModifierContext[]): boolean {
  return modifiers.some((m) => m.getText().toLowerCase() === 'static');
}

/** Converts a parse-tree type reference into an ApexTypeRef. */
export function toTypeRef(ctx: TypeRefContext): ApexTypeRef {
  const names = ctx.typeName_list();
  const arraySubscripts = ctx.arraySubscripts() as ReturnType<TypeRefContext['arraySubscripts']> | null;
  const arrayDepth = arraySubscripts ? arraySubscripts.LBRACK_list().length : 0;
  // A dotted name: every part but the last is a plain identifier; generics sit on the last part.
  const last = names[names.length - 1];
  if (!last) {
    return { name: ctx.getText(), typeArgs: [], arrayDepth };
  }
  const typeArguments = last.typeArguments() as ReturnType<typeof last.typeArguments> | null;
  const typeArgs = typeArguments ? typeArguments.typeList().typeRef_list().map(toTypeRef) : [];
  const nameParts = names.map((n) => {
    if (n.LIST()) return 'List';
    if (n.SET()) return 'Set';
    if (n.MAP()) return 'Map';
    return n.id().getText();
  });
  return { name: nameParts.join('.'), typeArgs, arrayDepth };
}

function collectClass(
  decl: ClassDeclarationContext,
  outer: string | null,
  file: string,
  out: ApexClass[]
): void {
  const name = decl.id().getText();
  const fullName = outer ? `${outer}.${name}` : name;
  const extendsRef = decl.EXTENDS() ? toTypeRef(decl.typeRef()) : null;
  const cls: ApexClass = {
    name,
    fullName,
    outer,
    kind: 'class',
    superType: extendsRef,
    auraProperties: [],
    auraMethods: [],
    enumValues: [],
    file
  };
  out.push(cls);
  for (const body of decl.classBody().classBodyDeclaration_list()) {
    const member = body.memberDeclaration() as ReturnType<typeof body.memberDeclaration> | null;
    if (!member) continue;
    const modifiers = body.modifier_list();
    const method = member.methodDeclaration() as ReturnType<typeof member.methodDeclaration> | null;
    const field = member.fieldDeclaration() as ReturnType<typeof member.fieldDeclaration> | null;
    const property = member.propertyDeclaration() as ReturnType<typeof member.propertyDeclaration> | null;
    const inner = member.classDeclaration() as ReturnType<typeof member.classDeclaration> | null;
    const innerEnum = member.enumDeclaration() as ReturnType<typeof member.enumDeclaration> | null;
    if (method && isAuraEnabled(modifiers) && isStatic(modifiers)) {
      const paramList = method.formalParameters().formalParameterList() as ReturnType<
        ReturnType<typeof method.formalParameters>['formalParameterList']
      > | null;
      const params = paramList
        ? paramList
            .formalParameter_list()
            .map((p) => ({ name: p.id().getText(), type: toTypeRef(p.typeRef()) }))
        : [];
      const aura = annotations(modifiers).find((a) => a.name === 'auraenabled');
      cls.auraMethods.push({
        name: method.id().getText(),
        params,
        returnType: method.VOID() ? null : toTypeRef(method.typeRef()),
        cacheable: /cacheable\s*=\s*true/i.test(aura?.text ?? ''),
        line: method.start.line
      });
    } else if (field && isAuraEnabled(modifiers) && !isStatic(modifiers)) {
      const type = toTypeRef(field.typeRef());
      for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
        cls.auraProperties.push({ name: declarator.id().getText(), type });
      }
    } else if (property && isAuraEnabled(modifiers) && !isStatic(modifiers)) {
      cls.auraProperties.push({ name: property.id().getText(), type: toTypeRef(property.typeRef()) });
    } else if (inner) {
      collectClass(inner, fullName, file, out);
    } else if (innerEnum) {
      out.push(enumOf(innerEnum, fullName, file));
    }
  }
}

function enumOf(decl: EnumDeclarationContext, outer: string | null, file: string): ApexClass {
  const name = decl.id().getText();
  const constants = decl.enumConstants() as ReturnType<typeof decl.enumConstants> | null;
  return {
    name,
    fullName: outer ? `${outer}.${name}` : name,
    outer,
    kind: 'enum',
    superType: null,
    auraProperties: [],
    auraMethods: [],
    enumValues: constants ? constants.id_list().map((id) => id.getText()) : [],
    file
  };
}

/**
 * Parses one Apex class file and returns its classes (top-level first, then inner classes and enums).
 * Throws ApexParseError on the first syntax error.
 */
export function parseApexClasses(source: string, file: string): ApexClass[] {
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const unit = parser.compilationUnit();
  const first = listener.errors[0];
  if (first) {
    throw new ApexParseError(file, first.line, first.column, first.msg);
  }
  const typeDecl = unit.typeDeclaration() as ReturnType<typeof unit.typeDeclaration> | null;
  if (!typeDecl) return [];
  const out: ApexClass[] = [];
  const classDecl = typeDecl.classDeclaration() as ReturnType<typeof typeDecl.classDeclaration> | null;
  const enumDecl = typeDecl.enumDeclaration() as ReturnType<typeof typeDecl.enumDeclaration> | null;
  const interfaceDecl = typeDecl.interfaceDeclaration() as ReturnType<
    typeof typeDecl.interfaceDeclaration
  > | null;
  if (classDecl) {
    collectClass(classDecl, null, file, out);
  } else if (enumDecl) {
    out.push(enumOf(enumDecl, null, file));
  } else if (interfaceDecl) {
    out.push({
      name: interfaceDecl.id().getText(),
      fullName: interfaceDecl.id().getText(),
      outer: null,
      kind: 'interface',
      superType: null,
      auraProperties: [],
      auraMethods: [],
      enumValues: [],
      file
    });
  }
  return out;
}

/** Every type name an Apex type reference mentions (`Map<Id, Foo.Bar>` → Map, Id, Foo.Bar). */
function typeNames(ref: ApexTypeRef): string[] {
  return [ref.name, ...ref.typeArgs.flatMap(typeNames)];
}

/**
 * Reads the Apex classes the declarations need: every class file that mentions `@AuraEnabled`, then
 * (transitively) the class files named after the types those classes use (an Apex class file is named
 * after its top-level class). Skipping the rest keeps the ANTLR parse fast. Syntax errors are returned
 * as warnings (the gate's own checks report them).
 */
export function loadApexClasses(projectRoot: string): { classes: ApexClass[]; warnings: string[] } {
  const classes: ApexClass[] = [];
  const warnings: string[] = [];
  const files = listFiles(path.join(projectRoot, 'force-app'), (f) => f.endsWith('.cls')).sort();
  const fileByClassName = new Map(files.map((f) => [path.basename(f, '.cls').toLowerCase(), f]));
  const parsed = new Set<string>();
  const parse = (file: string, source: string): ApexClass[] => {
    parsed.add(file);
    try {
      const found = parseApexClasses(source, path.relative(projectRoot, file));
      classes.push(...found);
      return found;
    } catch (error) {
      if (!(error instanceof ApexParseError)) throw error;
      warnings.push(`${error.message} (skipped for type generation)`);
      return [];
    }
  };
  let pending: ApexClass[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    if (/@AuraEnabled\b/i.test(source)) pending.push(...parse(file, source));
  }
  while (pending.length > 0) {
    const referenced = new Set<string>();
    for (const cls of pending) {
      const refs = [
        ...cls.auraMethods.flatMap((m) => [
          ...m.params.map((p) => p.type),
          ...(m.returnType ? [m.returnType] : [])
        ]),
        ...cls.auraProperties.map((p) => p.type),
        ...(cls.superType ? [cls.superType] : [])
      ];
      for (const name of refs.flatMap(typeNames)) referenced.add((name.split('.')[0] ?? name).toLowerCase());
    }
    pending = [];
    for (const name of [...referenced].sort()) {
      const file = fileByClassName.get(name);
      if (file && !parsed.has(file)) pending.push(...parse(file, fs.readFileSync(file, 'utf8')));
    }
  }
  return { classes, warnings };
}
