// Splits a fence's info string into the language word and `key` / `key=value` option tokens.

export interface MetaToken {
  /** Offset of the token in the info string. */
  readonly offset: number;
  /** The whole token as written, e.g. `python=">=3.12"`. */
  readonly raw: string;
  /** The key, or the bare word (`skip`); undefined when the token does not start with a name. */
  readonly key?: string;
  /** The value with quotes removed; undefined for a bare word. */
  readonly value?: string;
  /** Offset of the value (inside the quotes) in the info string. */
  readonly valueOffset?: number;
  /** Set when a quote was opened and never closed: the value runs to the end of the info. */
  readonly unterminatedQuote?: boolean;
}

export interface FenceInfo {
  /** The first word (`python`, `output`, `js`); empty when the info string is empty. */
  readonly language: string;
  readonly options: readonly MetaToken[];
}

const KEY = /^[A-Za-z_][\w-]*/;

/**
 * Tokenizes an info string:
 *
 *     python skip match=number(rel=1e-6, abs=0) raises=TypeError
 *     ^lang  ^bare ^key ^value: spaces allowed inside parentheses
 *
 *     output python=">=3.12"   output python='3.8-3.11'
 *            ^key   ^quoted value (quotes removed)
 */
export function parseFenceInfo(info: string): FenceInfo {
  let cursor = skipBlanks(info, 0);
  const languageEnd = findTokenEnd(info, cursor);
  const language = info.slice(cursor, languageEnd);
  cursor = skipBlanks(info, languageEnd);
  const options: MetaToken[] = [];
  while (cursor < info.length) {
    const token = readToken(info, cursor);
    options.push(token.token);
    cursor = skipBlanks(info, token.end);
  }
  return { language, options };
}

function readToken(info: string, start: number): { token: MetaToken; end: number } {
  const key = KEY.exec(info.slice(start))?.[0];
  if (key === undefined || info[start + key.length] !== "=") {
    // A bare word (`skip`), or something that is not an option at all (`{.class}`, `=x`).
    const end = findTokenEnd(info, start);
    const raw = info.slice(start, end);
    return { token: raw === key ? { offset: start, raw, key } : { offset: start, raw }, end };
  }
  const afterKey = start + key.length;
  const valueStart = afterKey + 1;
  const quote = info[valueStart];
  if (quote === '"' || quote === "'") {
    const closing = info.indexOf(quote, valueStart + 1);
    if (closing === -1) {
      return {
        token: {
          offset: start,
          raw: info.slice(start),
          key,
          value: info.slice(valueStart + 1),
          valueOffset: valueStart + 1,
          unterminatedQuote: true,
        },
        end: info.length,
      };
    }
    const end = closing + 1;
    return {
      token: { offset: start, raw: info.slice(start, end), key, value: info.slice(valueStart + 1, closing), valueOffset: valueStart + 1 },
      end,
    };
  }
  const end = findTokenEnd(info, valueStart);
  return {
    token: { offset: start, raw: info.slice(start, end), key, value: info.slice(valueStart, end), valueOffset: valueStart },
    end,
  };
}

/** End of a token: the next blank outside parentheses and quotes. */
function findTokenEnd(info: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  let cursor = start;
  for (; cursor < info.length; cursor++) {
    const character = info[cursor]!;
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === "(") {
      depth++;
    } else if (character === ")") {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && /\s/.test(character)) {
      break;
    }
  }
  return cursor;
}

function skipBlanks(info: string, start: number): number {
  let cursor = start;
  while (cursor < info.length && /\s/.test(info[cursor]!)) cursor++;
  return cursor;
}
