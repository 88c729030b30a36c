// The Python version whose grammar and wording the lexer and parser follow.

/** major.minor only: grammar and messages change per minor version. */
export interface LanguageVersion {
  readonly major: number;
  readonly minor: number;
}

/** The default: the newest grammar we follow fully. */
export const DEFAULT_LANGUAGE_VERSION: LanguageVersion = { major: 3, minor: 13 };

/** True when `version` is `major.minor` or later. */
export function atLeast(version: LanguageVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
