// Test helper: a strict XML 1.0 well-formedness check (no DTDs), to validate the JUnit output.
//
// Checks: legal characters only (XML 1.0 Char production, also for character references), one
// root element, matched and properly nested tags, unique attributes with quoted values, no raw
// `<` or stray `&` in text or attributes, only the five predefined entities, no `]]>` in text.
// Returns the first problem found, or undefined for a well-formed document.

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/u;
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

export function xmlProblem(document: string): string | undefined {
  for (let index = 0; index < document.length; ) {
    const codePoint = document.codePointAt(index)!;
    // A lone surrogate comes back as itself (0xD800-0xDFFF), which isXmlChar rejects.
    if (!isXmlChar(codePoint)) return `illegal character U+${codePoint.toString(16)} at offset ${index}`;
    index += codePoint > 0xffff ? 2 : 1;
  }
  let position = 0;
  const fail = (reason: string): string => `${reason} at offset ${position}`;
  const rest = (): string => document.slice(position);

  const reference = (): string | undefined => {
    const match = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);/u.exec(rest());
    if (!match) return fail("bad '&'");
    const body = match[1]!;
    if (body.startsWith("#")) {
      const codePoint = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!isXmlChar(codePoint)) return fail(`reference to an illegal character &${body};`);
    } else if (!PREDEFINED.has(body)) {
      return fail(`undefined entity &${body};`);
    }
    position += match[0].length;
    return undefined;
  };

  const skipMisc = (): string | undefined => {
    for (;;) {
      const whitespace = /^[ \t\r\n]+/u.exec(rest());
      if (whitespace) position += whitespace[0].length;
      if (rest().startsWith("<!--")) {
        const end = document.indexOf("-->", position + 4);
        if (end === -1) return fail("unclosed comment");
        position = end + 3;
      } else if (rest().startsWith("<?")) {
        const end = document.indexOf("?>", position + 2);
        if (end === -1) return fail("unclosed processing instruction");
        position = end + 2;
      } else {
        return undefined;
      }
    }
  };

  const element = (): string | undefined => {
    if (document[position] !== "<") return fail("expected '<'");
    position += 1;
    const name = NAME.exec(rest());
    if (!name) return fail("expected an element name");
    position += name[0].length;
    const attributes = new Set<string>();
    for (;;) {
      const space = /^[ \t\r\n]+/u.exec(rest());
      if (space) position += space[0].length;
      if (rest().startsWith("/>")) {
        position += 2;
        return undefined;
      }
      if (document[position] === ">") {
        position += 1;
        break;
      }
      if (!space) return fail("expected whitespace before an attribute");
      const attribute = NAME.exec(rest());
      if (!attribute) return fail("expected an attribute name");
      if (attributes.has(attribute[0])) return fail(`duplicate attribute ${attribute[0]}`);
      attributes.add(attribute[0]);
      position += attribute[0].length;
      const equals = /^[ \t\r\n]*=[ \t\r\n]*/u.exec(rest());
      if (!equals) return fail("expected '='");
      position += equals[0].length;
      const quote = document[position];
      if (quote !== '"' && quote !== "'") return fail("expected a quoted value");
      position += 1;
      while (document[position] !== quote) {
        if (position >= document.length) return fail("unclosed attribute value");
        if (document[position] === "<") return fail("'<' in an attribute value");
        if (document[position] === "&") {
          const problem = reference();
          if (problem) return problem;
        } else {
          position += 1;
        }
      }
      position += 1;
    }
    // Content up to the matching end tag.
    for (;;) {
      if (position >= document.length) return fail(`unclosed element <${name[0]}>`);
      if (rest().startsWith("</")) {
        position += 2;
        const end = NAME.exec(rest());
        if (!end || end[0] !== name[0]) return fail(`end tag does not match <${name[0]}>`);
        position += end[0].length;
        const close = /^[ \t\r\n]*>/u.exec(rest());
        if (!close) return fail("expected '>'");
        position += close[0].length;
        return undefined;
      }
      if (rest().startsWith("<![CDATA[")) {
        const end = document.indexOf("]]>", position);
        if (end === -1) return fail("unclosed CDATA");
        position = end + 3;
      } else if (rest().startsWith("<!--") || rest().startsWith("<?")) {
        const problem = skipMisc();
        if (problem) return problem;
      } else if (document[position] === "<") {
        const problem = element();
        if (problem) return problem;
      } else if (document[position] === "&") {
        const problem = reference();
        if (problem) return problem;
      } else {
        if (rest().startsWith("]]>")) return fail("']]>' in text");
        position += 1;
      }
    }
  };

  if (document.startsWith("<?xml")) {
    const declaration = /^<\?xml version="1\.0"(?: encoding="[A-Za-z0-9._-]+")?(?: standalone="(?:yes|no)")?\?>/u.exec(document);
    if (!declaration) return fail("bad XML declaration");
    position = declaration[0].length;
  }
  const before = skipMisc();
  if (before) return before;
  const root = element();
  if (root) return root;
  const after = skipMisc();
  if (after) return after;
  return position === document.length ? undefined : fail("content after the root element");
}
