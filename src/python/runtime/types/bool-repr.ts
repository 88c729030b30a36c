// The strs repr(True) and repr(False) return: one shared object per bool, never a new one.
//
// 3.6–3.10 intern "True"/"False" on the first repr and keep that object (a mortal interned str,
// so it is the same object as a 'True' constant); 3.11 returns a static identifier that the
// interned table does not know; 3.12+ intern their static identifiers, immortal, at startup.
import { rt } from "../state.js";
import type { Runtime } from "../runtime.js";
import { PyStr, intern, newStr } from "./str.js";

const TEXT = ["False", "True"] as const;

/** repr(self) of a bool: a new reference to its shared str. */
export function boolRepr(isTrue: boolean): PyStr {
  const index = isTrue ? 1 : 0;
  let str = rt.boolReprs[index];
  if (str === null) {
    // The cache keeps the reference intern() returns.
    str = intern(newStr(TEXT[index]), false);
    rt.boolReprs[index] = str;
  }
  str.refcount++;
  return str;
}

/** At startup from 3.11: the two static identifier strs (interned from 3.12). */
export function createStaticBoolReprs(runtime: Runtime, staticStr: (value: string) => PyStr): void {
  const immortality = runtime.profile.immortality;
  if (immortality.kind === "none") return;
  for (const index of [0, 1] as const) {
    const str = staticStr(TEXT[index]);
    if (immortality.kind === "static-base") {
      str.refcount = immortality.base;
    } else {
      str.refcount = 1;
      intern(str, true);
    }
    runtime.boolReprs[index] = str;
  }
}
