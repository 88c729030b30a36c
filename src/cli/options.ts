// Command-line options as typed data: each with its description, so --help is generated from them.

export interface OptionSpec {
  readonly name: string;
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
}

const ENGINE_OPTIONS: readonly OptionSpec[] = [
  { name: "runner", type: "string", value: "sim|python", description: "engine: the embedded CPython simulator (default) or a real python3" },
  { name: "profile", type: "string", value: "VER", description: "simulator profile 3.6–3.14 (default 3.13; 3.14 follows derived facts, no native interpreter)" },
  { name: "python", type: "string", value: "VER|EXE", description: "real interpreter: a version (3.11) found on PATH or in pyenv, or a path; implies --runner python" },
  { name: "kernel", type: "string", value: "ipython|emulated", description: "with --runner python: real IPython, or the driver's emulation of its rules (default: IPython when importable)" },
  { name: "timeout", type: "string", value: "SECONDS", description: "per-cell time limit (default 30)" },
];

const SELECTION_OPTIONS: readonly OptionSpec[] = [
  { name: "jobs", type: "string", value: "N", short: "j", description: "lessons run at once (default: 1)" },
  { name: "shard", type: "string", value: "I/N", description: "check only the I-th of N shares of the lessons (for CI matrices)" },
];

export const CHECK_COMMAND: CommandSpec = {
  name: "check",
  usage: "lessonkit check [PATH...] [options]",
  summary: "run each lesson's cells and compare the outputs with the recorded ones",
  options: [
    ...ENGINE_OPTIONS,
    { name: "reporter", type: "string", multiple: true, value: "NAME[=FILE]", description: "pretty (default), json, junit, github; repeatable; NAME=FILE writes that report to FILE" },
    { name: "output", type: "string", value: "FILE", description: "write the (last) json or junit report to FILE" },
    { name: "update", type: "boolean", description: "rewrite the output blocks that differ with what ran (every other byte kept)" },
    ...SELECTION_OPTIONS,
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const RUN_COMMAND: CommandSpec = {
  name: "run",
  usage: "lessonkit run PATH... [options]",
  summary: "run each lesson's cells and print what they output, without verdicts",
  options: [
    ...ENGINE_OPTIONS,
    { name: "reporter", type: "string", multiple: true, value: "NAME[=FILE]", description: "pretty (default) or json" },
    { name: "output", type: "string", value: "FILE", description: "write the json report to FILE" },
    ...SELECTION_OPTIONS,
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const IMPORT_COMMAND: CommandSpec = {
  name: "import",
  usage: "lessonkit import FILE... [--out DIR]",
  summary: "convert .ipynb notebooks and plain-text notebook exports into lesson markdown",
  options: [
    { name: "out", type: "string", value: "DIR", description: "folder for the .md files (default: next to each input)" },
    { name: "force", type: "boolean", description: "overwrite existing .md files" },
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const BUILD_COMMAND: CommandSpec = {
  name: "build",
  usage: "lessonkit build [PATH...] [options]",
  summary: "check the lessons and render validated HTML pages into dist/",
  options: [
    ...ENGINE_OPTIONS,
    { name: "out", type: "string", value: "DIR", description: "output folder (default dist)" },
    { name: "strict", type: "boolean", description: "exit 1 and write nothing when a cell fails" },
    ...SELECTION_OPTIONS,
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const COMMANDS: readonly CommandSpec[] = [CHECK_COMMAND, RUN_COMMAND, IMPORT_COMMAND, BUILD_COMMAND];

function optionLine(option: OptionSpec): string {
  const flag = `${option.short !== undefined ? `-${option.short}, ` : "    "}--${option.name}${option.value !== undefined ? ` ${option.value}` : ""}`;
  return `  ${flag.padEnd(34)} ${option.description}`;
}

export function commandHelp(command: CommandSpec): string {
  return [`Usage: ${command.usage}`, "", command.summary, "", "Options:", ...command.options.map(optionLine), ""].join("\n");
}

export function mainHelp(version: string): string {
  return [
    `lessonkit ${version}: keeps Python course lessons true`,
    "",
    "Usage: lessonkit <command> [PATH...] [options]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(8)} ${command.summary}`),
    "",
    "PATH: lesson files (.md, .ipynb, or .txt notebook exports) or folders; default lessons/.",
    "Exit codes: 0 all good, 1 a cell failed or errored, 2 bad usage or unreadable input.",
    "Run `lessonkit <command> --help` for its options.",
    "",
  ].join("\n");
}
