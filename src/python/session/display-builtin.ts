// IPython's display(): each object shown as the display hook shows a cell's value, without
// entering the output history. IPython puts it in builtins, so notebook cells call it unimported.
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { Unsupported } from "../runtime/errors.js";
import { splitArgs } from "../runtime/spec-helpers.js";
import { PyBuiltinFunction } from "../runtime/types/builtin-function.js";
import { dictSetItem } from "../runtime/types/dict.js";
import { internName } from "../runtime/types/str.js";
import { decref } from "../runtime/object.js";
import { newNone } from "../runtime/values.js";
import { formatForDisplay } from "../display/display-formatter.js";
import { writeOutput } from "../modules/output.js";

const DISPLAY: MethodDef = {
  name: "display",
  kind: "keywords",
  impl: (_self, args) => {
    const { positional, keywords } = splitArgs(args);
    if (keywords.size > 0) throw new Unsupported("display() with keyword arguments");
    for (const value of positional) {
      // Unlike the display hook, display() shows None too.
      const outcome = formatForDisplay(value);
      if (outcome.text !== null) writeOutput("stdout", outcome.text + "\n");
      if (outcome.error !== null) throw outcome.error;
    }
    return newNone();
  },
};

/**
 * Adds display to the running runtime's builtins. IPython made its function long before the
 * lesson's first cell, so the object sits in the static region and is not tracked: it takes no
 * block and no collector count from the cells' objects.
 */
export function installDisplayBuiltin(): void {
  const builtins = rt.builtins;
  builtins.refcount++;
  const display = new PyBuiltinFunction(DISPLAY, builtins, "display", false);
  display.address = rt.staticAddress(72);
  const name = internName("display");
  dictSetItem(builtins.dict, name, display);
  decref(name);
  // The reference made with it stays: IPython's own module holds the function too.
}
