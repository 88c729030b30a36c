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

/** check and run also take several engines: every lesson runs on each, one report per engine. */
const MULTI_ENGINE_OPTIONS: readonly OptionSpec[] = ENGINE_OPTIONS.map((option): OptionSpec => {
  if (option.name === "python") {
    return { ...option, value: "VER|EXE|all|LIST", description: `${option.description}; \`all\` (every one found) or 3.8,3.12 for several` };
  }
  if (option.name === "profile") return { ...option, value: "VER|all|LIST", description: `${option.description}; \`all\` or 3.8,3.14 for several` };
  return option;
});

const CACHE_OPTIONS: readonly OptionSpec[] = [
  { name: "cache-dir", type: "string", value: "DIR", description: "where results are cached (default .lessonkit-cache in the current folder)" },
  { name: "no-cache", type: "boolean", description: "run every lesson, neither reading nor writing the cache" },
  { name: "progress", type: "boolean", description: "show progress on stderr even when it is not a terminal" },
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
    ...MULTI_ENGINE_OPTIONS,
    { name: "reporter", type: "string", multiple: true, value: "NAME[=FILE]", description: "pretty (default), json, junit, github; repeatable; NAME=FILE writes that report to FILE" },
    { name: "output", type: "string", value: "FILE", description: "write the (last) json or junit report to FILE" },
    { name: "update", type: "boolean", description: "rewrite the output blocks that differ with what ran (every other byte kept); with several engines, per-version blocks where versions disagree" },
    ...SELECTION_OPTIONS,
    ...CACHE_OPTIONS,
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const RUN_COMMAND: CommandSpec = {
  name: "run",
  usage: "lessonkit run PATH... [options]",
  summary: "run each lesson's cells and print what they output, without verdicts",
  options: [
    ...MULTI_ENGINE_OPTIONS,
    { name: "reporter", type: "string", multiple: true, value: "NAME[=FILE]", description: "pretty (default) or json" },
    { name: "output", type: "string", value: "FILE", description: "write the json report to FILE" },
    ...SELECTION_OPTIONS,
    ...CACHE_OPTIONS,
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
    ...MULTI_ENGINE_OPTIONS,
    { name: "out", type: "string", value: "DIR", description: "output folder (default dist)" },
    { name: "strict", type: "boolean", description: "exit 1 and leave the output folder untouched when a cell does not pass" },
    { name: "watch", type: "boolean", short: "w", description: "after building, re-run a lesson when its file changes and rebuild (Ctrl-C stops)" },
    { name: "templates", type: "string", value: "DIR", description: "your own page.html, index.html and style.css (missing ones: lessonkit's)" },
    ...SELECTION_OPTIONS,
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const SERVE_COMMAND: CommandSpec = {
  name: "serve",
  usage: "lessonkit serve [--out dist] [--port N]",
  summary: "serve the built pages on 127.0.0.1, reloading them when a build replaces them",
  options: [
    { name: "out", type: "string", value: "DIR", description: "the folder to serve (default dist)" },
    { name: "port", type: "string", value: "N", short: "p", description: "port on 127.0.0.1 (default 8080; 0 picks a free one)" },
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const DRIFT_COMMAND: CommandSpec = {
  name: "drift",
  usage: "lessonkit drift [PATH...] [--python all|LIST] [--profiles all|LIST] [options]",
  summary: "run each lesson on several Python versions and list the cells whose output differs",
  options: [
    { name: "python", type: "string", value: "all|LIST", description: "real interpreters: every one found on PATH and in pyenv (all), or some (3.8,3.12)" },
    { name: "profiles", type: "string", value: "all|LIST", description: "simulator profiles 3.6–3.14 (all, or 3.8,3.14); 3.14 follows derived facts, no native interpreter. Neither option: --python all --profiles all" },
    { name: "kernel", type: "string", value: "ipython|emulated", description: "for real interpreters: real IPython, or the driver's emulation (default: IPython where importable)" },
    { name: "runs", type: "string", value: "N", description: "runs per real interpreter, to tell flaky cells (default 2; 1 skips the check)" },
    { name: "reporter", type: "string", value: "pretty|json", description: "the matrix for a terminal (default, 80 columns) or as JSON" },
    { name: "output", type: "string", value: "FILE", description: "write the report to FILE" },
    { name: "update", type: "boolean", description: "write per-version output blocks where versions disagree (every other byte kept)" },
    { name: "timeout", type: "string", value: "SECONDS", description: "per-cell time limit (default 30)" },
    { name: "jobs", type: "string", value: "N", short: "j", description: "lesson runs at once (default: number of cores)" },
    { name: "shard", type: "string", value: "I/N", description: "only the I-th of N shares of the lessons (for CI matrices)" },
    ...CACHE_OPTIONS,
    { name: "help", type: "boolean", short: "h", description: "show this help" },
  ],
};

export const COMMANDS: readonly CommandSpec[] = [CHECK_COMMAND, RUN_COMMAND, DRIFT_COMMAND, IMPORT_COMMAND, BUILD_COMMAND, SERVE_COMMAND];

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
