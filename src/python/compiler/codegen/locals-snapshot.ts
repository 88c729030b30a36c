// locals() inside a function: where the code loads the name `locals`, it offers the runtime its fast locals and cells.
import type { CodeUnit } from "../code-unit.js";

/** Replaced at assembly by the JS expressions of the frame's locals, in LN's order (assemble.ts). */
export const FRAME_VALUES_MARKER = "/*FRAME_VALUES*/";

/** The JS variable of each function's one locals dict. */
const frameDicts = new WeakMap<CodeUnit, string>();

/**
 * Before a function loads the global or builtin `locals`, it hands the runtime a way to read its
 * locals at the moment of the call (a closure over the JS variables) and the slot of the dict
 * ≤3.12 keeps per frame (a `q_` temporary, released when the function returns). Comprehension
 * scopes and class bodies are not offered: locals() there stays refused.
 */
export function offerFrameLocals(unit: CodeUnit): void {
  if (!unit.isFunctionLike() || unit.scope.kind !== "function" && unit.scope.kind !== "lambda") return;
  let cache = frameDicts.get(unit);
  if (cache === undefined) {
    cache = unit.declare("q_locals_");
    frameDicts.set(unit, cache);
  }
  unit.emitter.line(`offerLocals(LN, () => [${FRAME_VALUES_MARKER}], () => ${cache}, (dict) => { ${cache} = dict; });`);
}
