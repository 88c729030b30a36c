// GitHub Actions workflow-command escaping (the rules of @actions/core's command.ts).

/** The message part, after `::`: percent, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
}

/** A property value (file, title, ...): also `:` and `,`, which would end the property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, "%3A").replace(/,/gu, "%2C");
}

export type AnnotationLevel = "error" | "warning" | "notice";

export interface AnnotationProperties {
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title?: string;
}

/** One `::error file=...,line=...,title=...::message` line, ending in "\n". */
export function workflowCommand(level: AnnotationLevel, properties: AnnotationProperties, message: string): string {
  const parts: string[] = [];
  if (properties.file !== undefined) parts.push(`file=${escapeProperty(properties.file)}`);
  if (properties.line !== undefined) parts.push(`line=${properties.line}`);
  if (properties.col !== undefined) parts.push(`col=${properties.col}`);
  if (properties.title !== undefined) parts.push(`title=${escapeProperty(properties.title)}`);
  const head = parts.length > 0 ? `::${level} ${parts.join(",")}` : `::${level}`;
  return `${head}::${escapeData(message)}\n`;
}
