import { SaxesParser } from 'saxes';
import * as ts from 'typescript';
import type { MetadataTypes, Shape } from './types';

/** One element of a metadata document (XML element or scratch-def JSON key), with its 1-based line. */
export interface MetadataNode {
  name: string;
  line: number;
  /** Child elements; empty for a leaf. */
  children: MetadataNode[];
  /** Text content of a leaf (trimmed). */
  text: string;
  /** `xsi:nil="true"`: an explicit empty value, valid for any type. */
  nil: boolean;
}

export interface SchemaIssue {
  line: number;
  message: string;
}

/** Parses a metadata XML file into its root element; throws on malformed XML (metadata-xml reports that). */
export function parseMetadataXml(xml: string): MetadataNode {
  const parser = new SaxesParser({ position: true });
  const stack: MetadataNode[] = [];
  let root: MetadataNode | undefined;
  parser.on('opentag', (tag) => {
    const node: MetadataNode = {
      name: tag.name,
      line: parser.line,
      children: [],
      text: '',
      nil: tag.attributes['xsi:nil'] === 'true'
    };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top) {
      top.text += text;
    }
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node) {
      node.text = node.text.trim();
    }
  });
  parser.write(xml).close();
  if (!root) {
    throw new Error('no root element');
  }
  return root;
}

/**
 * A scratch definition's `settings` entry as a metadata node: `{"enableX": true}` under
 * `externalClientAppSettings` is `<ExternalClientAppSettings><enableX>true</enableX>…`. Lines come
 * from the JSON text (TypeScript's JSON parser keeps positions); arrays become repeated elements,
 * as the CLI writes them.
 */
export function jsonToNode(name: string, value: ts.Expression, file: ts.JsonSourceFile): MetadataNode {
  const line = file.getLineAndCharacterOfPosition(value.getStart(file)).line + 1;
  const node: MetadataNode = { name, line, children: [], text: '', nil: false };
  if (ts.isObjectLiteralExpression(value)) {
    for (const property of value.properties) {
      if (!ts.isPropertyAssignment(property)) {
        continue;
      }
      const key = ts.isStringLiteral(property.name) ? property.name.text : property.name.getText(file);
      const keyLine = file.getLineAndCharacterOfPosition(property.name.getStart(file)).line + 1;
      const items = ts.isArrayLiteralExpression(property.initializer)
        ? [...property.initializer.elements]
        : [property.initializer];
      for (const item of items) {
        node.children.push({ ...jsonToNode(key, item, file), line: keyLine });
      }
    }
  } else if (value.kind === ts.SyntaxKind.NullKeyword) {
    node.nil = true;
  } else if (ts.isStringLiteral(value)) {
    node.text = value.text;
  } else {
    node.text = value.getText(file);
  }
  return node;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function describeValues(values: string[]): string {
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? `${shown}, … (${values.length} values)` : shown;
}

/**
 * Checks node (an element of type typeName) against the Metadata API type: every child element is a
 * member, leaf values fit boolean/number/enum members, and scalar members declared without `?` are
 * present (unless `skipRequired`: a settings entry in a scratch definition is a partial update).
 */
export function validateNode(
  types: MetadataTypes,
  node: MetadataNode,
  typeName: string,
  type: ts.Type,
  options: { skipRequired?: boolean } = {}
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const visit = (element: MetadataNode, name: string, current: ts.Type): void => {
    const members = types.membersOf(current);
    const lowerNames = new Map([...members.keys()].map((k) => [k.toLowerCase(), k]));
    const seen = new Map<string, number>();
    for (const child of element.children) {
      const member = members.get(child.name);
      if (!member) {
        const near = lowerNames.get(child.name.toLowerCase());
        issues.push({
          line: child.line,
          message: `unknown element ${child.name} in ${name}${near ? ` (did you mean ${near}?)` : ''}`
        });
        continue;
      }
      const count = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, count);
      if (count === 2 && !member.repeated) {
        issues.push({ line: child.line, message: `${child.name} appears more than once in ${name}` });
      }
      checkValue(child, member.shape, `${name}.${child.name}`);
    }
    if (options.skipRequired) {
      return;
    }
    for (const member of members.values()) {
      // fullName comes from the file name in source format.
      if (member.required && member.name !== 'fullName' && !seen.has(member.name)) {
        issues.push({ line: element.line, message: `${name} is missing required element ${member.name}` });
      }
    }
  };
  const checkValue = (element: MetadataNode, shape: Shape, where: string): void => {
    if (element.nil) {
      return;
    }
    if (shape.kind === 'object') {
      if (element.children.length === 0 && element.text !== '') {
        issues.push({ line: element.line, message: `${where} holds elements (${shape.name}), not text` });
        return;
      }
      visit(element, shape.name, shape.type);
      return;
    }
    // The WSDL carries some XML as a string (LightningComponentBundle.targetConfigs): opaque here.
    if (shape.kind === 'any' || (shape.kind === 'string' && element.children.length > 0)) {
      return;
    }
    if (element.children.length > 0) {
      issues.push({ line: element.line, message: `${where} holds a ${shape.kind}, not elements` });
      return;
    }
    const value = element.text;
    if (shape.kind === 'boolean' && value !== 'true' && value !== 'false') {
      issues.push({ line: element.line, message: `${where} is a boolean (true/false), not "${value}"` });
    } else if (shape.kind === 'number' && !NUMBER.test(value)) {
      issues.push({ line: element.line, message: `${where} is a number, not "${value}"` });
    } else if (shape.kind === 'enum' && !shape.values.includes(value)) {
      issues.push({
        line: element.line,
        message: `${where} "${value}" is not one of: ${describeValues(shape.values)}`
      });
    }
  };
  visit(node, typeName, type);
  return issues;
}
