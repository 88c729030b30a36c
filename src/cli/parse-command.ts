// Parses a command's arguments against its option specs (node:util parseArgs, strict).
import { parseArgs } from "node:util";
import type { CommandSpec } from "./options.js";
import { UsageError } from "../runners/create-engine.js";

export interface ParsedCommand {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export function parseCommand(command: CommandSpec, argv: readonly string[]): ParsedCommand {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const option of command.options) {
    options[option.name] = { type: option.type, ...(option.multiple ? { multiple: true } : {}), ...(option.short ? { short: option.short } : {}) };
  }
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedCommand["values"], positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, "")} (see lessonkit ${command.name} --help)`);
  }
}

export function positiveNumber(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`${flag} needs a positive number, not "${String(value)}"`);
  return number;
}
