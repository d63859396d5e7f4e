/**
 * XML leaves with positions. fast-xml-parser drops offsets, and a finding must point at its line, so
 * the few shapes these files use (elements and text, no attributes that matter) are read by hand.
 */

/** One text node: its element path from the root (`Report/columns/field`), text, offset and scopes. */
export interface XmlLeaf {
  path: string;
  value: string;
  offset: number;
  /** Element name → id of the nearest open element of that name (tells sibling components apart). */
  scope: Map<string, number>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The non-blank text nodes of a metadata XML document, in document order. */
export function xmlLeaves(text: string): XmlLeaf[] {
  const leaves: XmlLeaf[] = [];
  const stack: { name: string; id: number }[] = [];
  let nextId = 0;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const [, closing, name, selfClosing, body] = match;
    if (name !== undefined) {
      if (closing) {
        stack.pop();
      } else if (!selfClosing) {
        stack.push({ name: name.replace(/^\w+:/, ''), id: nextId++ });
      }
    } else if (body !== undefined && body.trim() !== '' && stack.length > 0) {
      const scope = new Map<string, number>();
      stack.forEach((element) => scope.set(element.name, element.id));
      leaves.push({
        path: stack.map((element) => element.name).join('/'),
        value: decode(body.trim()),
        offset: match.index + (body.length - body.trimStart().length),
        scope
      });
    }
  }
  return leaves;
}
