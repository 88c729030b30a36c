// Loading, storing and deleting names: fast locals, cells, globals and namespace dicts.
import type { CodeUnit } from "../code-unit.js";
import { UnsupportedSyntax } from "./unsupported.js";
import { offerFrameLocals } from "./locals-snapshot.js";

/** Where a code unit's NAME operations look first: the module's globals or a class namespace. */
function namespaceOf(unit: CodeUnit): string {
  return unit.kind === "class" ? "NS" : "G";
}

/**
 * co_names entry of an attribute or imported name, private names mangled as CPython's
 * compiler_addop_name does (`self.__x` inside `class C` is `self._C__x`).
 */
export function attributeNameRef(unit: CodeUnit, name: string): string {
  return unit.nameRef(unit.scope.mangle(name));
}

/** The inline cache of an attribute name's lookups (see runtime/ops/name-cache.ts). */
export function attributeCacheRef(unit: CodeUnit, name: string): string {
  return unit.nameCacheRef(unit.scope.mangle(name));
}

/** Emits code pushing the value of `name` (a new reference). */
export function loadName(unit: CodeUnit, rawName: string): void {
  const name = unit.scope.mangle(rawName);
  const emitter = unit.emitter;
  const access = unit.scope.lookup(name);
  switch (access) {
    case "fast": {
      const variable = unit.localVariable(name);
      emitter.push(`(${variable} === null ? unboundLocal(${JSON.stringify(name)}) : (${variable}.refcount++, ${variable}))`);
      return;
    }
    case "cell":
      emitter.push(`loadCell(${unit.localVariable(name)}, ${JSON.stringify(name)}, false)`);
      return;
    case "free":
      if (unit.kind === "class") {
        emitter.push(`loadClassFree(NS, ${unit.nameRef(name)}, ${unit.localVariable(name)})`);
      } else {
        emitter.push(`loadCell(${unit.localVariable(name)}, ${JSON.stringify(name)}, true)`);
      }
      return;
    // The reference is counted here rather than in the shared runtime function, so the
    // increment keeps this site's own type feedback.
    case "global": {
      if (name === "locals") offerFrameLocals(unit);
      const slot = emitter.reserve();
      emitter.line(`${slot} = loadGlobalBorrowed(G, B, ${unit.nameRef(name)}, ${unit.nameCacheRef(name)}); ${slot}.refcount++;`);
      return;
    }
    case "name": {
      const slot = emitter.reserve();
      const args = `${namespaceOf(unit)}, G, B, ${unit.nameRef(name)}, ${unit.nameCacheRef(name)}`;
      emitter.line(`${slot} = loadNameBorrowed(${args}); if (${slot} === null) ${slot} = loadName(${args}); else ${slot}.refcount++;`);
      return;
    }
  }
}

/** Emits code storing the top of the stack into `name` (the reference moves into the binding). */
export function storeName(unit: CodeUnit, rawName: string): void {
  const name = unit.scope.mangle(rawName);
  const emitter = unit.emitter;
  const value = emitter.pop();
  const access = unit.scope.lookup(name);
  switch (access) {
    case "fast": {
      // STORE_FAST: the new value is in place before the old one is released.
      const variable = unit.localVariable(name);
      const borrowed = unit.borrowFlag(name);
      if (borrowed !== null) {
        // A borrowed parameter was never counted: rebinding it releases nothing.
        emitter.line(`{ const old = ${variable}; ${variable} = ${value}; ${value} = null; if (old !== null && !${borrowed} && --old.refcount === 0) old.type.dealloc(old); ${borrowed} = false; }`);
        return;
      }
      emitter.line(`{ const old = ${variable}; ${variable} = ${value}; ${value} = null; if (old !== null && --old.refcount === 0) old.type.dealloc(old); }`);
      return;
    }
    case "cell":
    case "free":
      emitter.line(`storeCell(${unit.localVariable(name)}, ${value}); ${value} = null;`);
      return;
    // The replaced value is released here (see loadName above).
    case "global":
    case "name": {
      const namespace = access === "global" ? "G" : namespaceOf(unit);
      emitter.line(`{ const old = storeNameSwap(${namespace}, ${unit.nameRef(name)}, ${unit.nameCacheRef(name)}, ${value}); ${value} = null; if (old !== null && --old.refcount === 0) old.type.dealloc(old); }`);
      return;
    }
  }
}

export function deleteName(unit: CodeUnit, rawName: string): void {
  const name = unit.scope.mangle(rawName);
  const emitter = unit.emitter;
  const access = unit.scope.lookup(name);
  switch (access) {
    case "fast": {
      const variable = unit.localVariable(name);
      emitter.line(`if (${variable} === null) unboundLocal(${JSON.stringify(name)});`);
      const borrowed = unit.borrowFlag(name);
      if (borrowed !== null) {
        emitter.line(`{ const old = ${variable}; ${variable} = null; if (!${borrowed} && --old.refcount === 0) old.type.dealloc(old); ${borrowed} = false; }`);
        return;
      }
      emitter.line(`{ const old = ${variable}; ${variable} = null; if (--old.refcount === 0) old.type.dealloc(old); }`);
      return;
    }
    case "cell":
    case "free":
      emitter.line(`deleteCell(${unit.localVariable(name)}, ${JSON.stringify(name)});`);
      return;
    case "global":
      emitter.line(`deleteName(G, ${unit.nameRef(name)}, true);`);
      return;
    case "name":
      emitter.line(`deleteName(${namespaceOf(unit)}, ${unit.nameRef(name)}, ${unit.kind !== "class"});`);
      return;
  }
}

/** Names that only exist in CPython's compiler internals cannot be used by user code. */
export function checkName(name: string, line: number): void {
  if (name.startsWith(".")) throw new UnsupportedSyntax(`the name ${name}`, line);
}
