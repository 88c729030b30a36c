// ANSI colours for the pretty reporter, on only for a terminal without NO_COLOR.

export interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURED: Palette = {
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  magenta: wrap(35, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const identity = (text: string): string => text;
const PLAIN: Palette = {
  red: identity,
  green: identity,
  yellow: identity,
  magenta: identity,
  cyan: identity,
  dim: identity,
  bold: identity,
};

/**
 * Colours only on a TTY and only when NO_COLOR is unset or empty (no-color.org); an explicit
 * choice wins over both.
 */
export function shouldColor(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  forced?: boolean,
): boolean {
  if (forced !== undefined) return forced;
  const noColor = env["NO_COLOR"];
  return isTTY === true && (noColor === undefined || noColor === "");
}

export function paletteFor(enabled: boolean): Palette {
  return enabled ? COLOURED : PLAIN;
}
