// What differs by Python version in how IPython's display formats values: one table, read once
// per display, instead of version tests scattered through the printers.
import { rt } from "../runtime/state.js";

export interface DisplayFacts {
  /** inspect.Parameter: 3.6 writes `x:int=1`, 3.7+ writes `x: int = 1`. */
  readonly spacedAnnotations: boolean;
  /** inspect.formatannotation shows types.GenericAlias (`list[int]`) by str() (3.9+). */
  readonly genericAliasByStr: boolean;
}

/** The facts for the active runtime's Python version (measured from each version's inspect.py). */
export function displayFacts(): DisplayFacts {
  const minor = rt.profile.minor;
  return {
    spacedAnnotations: minor >= 7,
    genericAliasByStr: minor >= 9,
  };
}
