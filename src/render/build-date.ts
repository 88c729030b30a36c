// The date a build says it was made: SOURCE_DATE_EPOCH when set (reproducible builds), else now.

export class BuildDateError extends Error {
  override name = "BuildDateError";
}

/** Throws BuildDateError for a SOURCE_DATE_EPOCH that is not a whole number of seconds. */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return now();
  if (!/^\d+$/.test(epoch.trim())) throw new BuildDateError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch.trim()) * 1000);
}

/** "2024-05-01", in UTC so every machine writes the same text. */
export function formatBuildDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
