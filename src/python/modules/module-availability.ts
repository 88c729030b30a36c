// Whether a module the simulator does not implement is really missing (ModuleNotFoundError) or
// might exist where the lesson runs (then the import is refused as unsupported, never answered).
//
// The rule: on real CPython an import succeeds exactly when the module is on sys.path, which
// depends on the environment. What the simulator can know for sure is the standard library of
// its version (measured, see stdlib-names.ts) and the modules CPython itself ships. Everything
// else splits in two:
// - names a learner's environment may well have installed (pip's own packages, the Jupyter
//   stack a notebook runs in, the libraries courses teach with) and the lesson's own modules
//   next to it: unsupported, because answering "No module named 'numpy'" would be a silent wrong
//   answer wherever numpy is installed;
// - any other name (a typo, a made-up name, a module removed from this version's stdlib such as
//   `imp` on 3.12): ModuleNotFoundError, as CPython says in every ordinary environment.
import type { Runtime } from "../runtime/runtime.js";
import { isShippedWithCPython } from "./stdlib-names.js";

/** Top-level import names of widely installed third-party distributions. */
const WELL_KNOWN_THIRD_PARTY: ReadonlySet<string> = new Set([
  // installed with every interpreter or virtual environment by ensurepip / venv
  "pip", "setuptools", "pkg_resources", "_distutils_hack", "wheel", "distutils",
  // the notebook stack a lesson runs in
  "IPython", "ipykernel", "ipywidgets", "jupyter", "jupyter_client", "jupyter_core", "jupyterlab",
  "notebook", "nbformat", "nbconvert", "traitlets", "matplotlib_inline", "comm", "debugpy",
  "prompt_toolkit", "pygments", "tornado", "zmq", "psutil", "platformdirs", "packaging",
  // science, data and teaching libraries
  "numpy", "scipy", "pandas", "matplotlib", "seaborn", "sympy", "sklearn", "statsmodels", "plotly",
  "bokeh", "altair", "networkx", "PIL", "cv2", "skimage", "torch", "torchvision", "tensorflow",
  "keras", "jax", "numba", "cython", "Cython", "pyarrow", "polars", "dask", "xarray", "h5py",
  "tables", "openpyxl", "xlrd", "tqdm", "joblib", "mpmath", "pytz", "dateutil", "tzdata", "six",
  // web, testing and everyday utilities
  "requests", "urllib3", "certifi", "charset_normalizer", "idna", "httpx", "aiohttp", "bs4", "lxml",
  "flask", "django", "fastapi", "pydantic", "jinja2", "markupsafe", "click", "rich", "yaml", "toml",
  "attr", "attrs", "pytest", "_pytest", "pluggy", "hypothesis", "mypy", "black", "typing_extensions",
  "sqlalchemy", "pymysql", "psycopg2", "redis", "pygame", "turtle_graphics", "memory_profiler",
  "objgraph", "pympler", "guppy", "line_profiler", "numexpr",
]);

/** Per session: the modules of the lesson's own folder (importable there, unknown to the simulator). */
const localModulesByRuntime = new WeakMap<Runtime, ReadonlySet<string>>();

/** Tells a session's runtime which top-level modules the lesson's folder provides. */
export function setLocalModuleNames(runtime: Runtime, names: Iterable<string>): void {
  localModulesByRuntime.set(runtime, new Set(names));
}

/** True when importing top-level `name` might succeed somewhere the lesson runs. */
export function mightBeImportable(runtime: Runtime, name: string): boolean {
  return (
    // The session's own module: it always exists, the simulator has no module object for it.
    name === "__main__" ||
    isShippedWithCPython(name, runtime.profile.key) ||
    WELL_KNOWN_THIRD_PARTY.has(name) ||
    (localModulesByRuntime.get(runtime)?.has(name) ?? false)
  );
}
