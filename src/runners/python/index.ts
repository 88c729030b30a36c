// Public entry of the real-CPython runner: the engine and interpreter discovery.
export { createPythonEngine, PythonEngine, type KernelChoice, type PythonEngineOptions } from "./engine.js";
export {
  discoverAllInterpreters,
  resolveInterpreter,
  type DiscoveryOptions,
  type InterpreterInfo,
  type InterpreterInventory,
  type UnusableInterpreter,
} from "./discover.js";
export { PythonSession, type SessionInterpreterInfo } from "./session.js";
