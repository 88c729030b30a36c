// The math module: its functions per version (3.6–3.14) and constants. The arithmetic is in the
// simulator's libm (runtime/types/libm-*.ts); the argument and error rules in the math-*.ts files.
import type { PyObject } from "../runtime/object.js";
import { newFloat } from "../runtime/types/float.js";
import type { ModuleDefinition } from "./module-builder.js";
import { realFunctions } from "./math-real.js";
import { logFunctions } from "./math-log.js";
import { integerFunctions } from "./math-integer.js";
import { sumFunctions } from "./math-sums.js";
import { normFunctions } from "./math-norm.js";
import { specialFunctions } from "./math-special.js";

const functions = [realFunctions, logFunctions, integerFunctions, sumFunctions, normFunctions, specialFunctions];

export const MATH_MODULE: ModuleDefinition = {
  name: "math",
  get functions() {
    // Which functions exist depends on the version of the runtime being built.
    return functions.flatMap((group) => group()).sort((a, b) => (a.name < b.name ? -1 : 1));
  },
  values: () =>
    new Map<string, PyObject>([
      ["pi", newFloat(Math.PI)],
      ["e", newFloat(Math.E)],
      ["tau", newFloat(2 * Math.PI)],
      ["inf", newFloat(Infinity)],
      ["nan", newFloat(NaN)],
    ]),
};
