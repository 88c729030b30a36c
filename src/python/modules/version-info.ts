// sys.version_info: a tuple with named fields (major, minor, micro, releaselevel, serial).
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newInt } from "../runtime/types/int.js";
import { newStr } from "../runtime/types/str.js";
import { sysStructSequenceSpec } from "./struct-sequence.js";

const FIELDS = ["major", "minor", "micro", "releaselevel", "serial"] as const;

export function newVersionInfo(): PyObject {
  const profile = rt.profile;
  const tuple = newTupleStealing([newInt(profile.major), newInt(profile.minor), newInt(profile.patchVersion), newStr("final"), newInt(0)]);
  tuple.type = rt.types.version_info;
  return tuple;
}

export const VERSION_INFO_SPEC: BuiltinTypeSpec = sysStructSequenceSpec("version_info", FIELDS);
