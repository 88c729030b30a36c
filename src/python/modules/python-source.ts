// Running the simulator's own Python source for a module (copy, string, weakref are Python
// modules in CPython too), so their functions are real function objects with Python semantics:
// reprs, argument errors, frames and reference counts come out as CPython's would.
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { parse } from "../parser/index.js";
import { compileModule } from "../compiler/compile.js";
import { createLiteralObjects, releaseLiteralObjects } from "../compiler/literals.js";
import { PyRaise } from "../runtime/errors.js";
import type { PyModule } from "../runtime/types/module.js";
import { exceptionLastLine } from "../runtime/traceback-format.js";

/** Where the module's frames say they come from in tracebacks. */
function moduleFilename(name: string): string {
  return `<lessonkit ${name}>`;
}

/**
 * Executes `source` with the module's dict as globals (as an import runs a .py file). The
 * source is the simulator's, so a failure here is a simulator bug, reported as a JS Error.
 */
export function runModuleSource(module: PyModule, source: string): void {
  const filename = moduleFilename(module.name);
  const parsed = parse(source, { mode: "exec", version: rt.profile });
  if (!parsed.ok) {
    const problem = "unsupported" in parsed ? parsed.unsupported.feature : parsed.error.msg;
    throw new Error(`simulator bug: the source of module ${module.name} does not parse on ${rt.profile.key}: ${problem}`);
  }
  rt.registerSource(filename, source);
  const literals = createLiteralObjects(parsed.tree);
  try {
    const compiled = compileModule(parsed.tree, { filename, mode: "exec", literals });
    // An import compiles (or loads a .pyc) and frees its arena before the module runs.
    for (const object of compiled.arena) decref(object);
    const code = compiled.code;
    try {
      decref(code.compiled!(module.dict, rt.builtins.dict));
    } catch (error) {
      if (error instanceof PyRaise) {
        const message = exceptionLastLine(error.exception);
        throw new Error(`simulator bug: importing ${module.name} raised ${message}`);
      }
      throw error;
    } finally {
      decref(code);
    }
  } finally {
    releaseLiteralObjects(literals);
  }
}
