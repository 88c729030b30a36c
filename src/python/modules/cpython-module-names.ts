// The names CPython's modules have per version (dir() of each module the simulator implements,
// measured on CPython 3.6.15, 3.7.16, 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0 on Linux,
// the same under python -c and under the emulated IPython kernel). A name the simulator's module
// lacks is either absent from CPython's on that version (AttributeError, as CPython raises) or
// present there and not simulated (refused by name, never a misleading AttributeError).
//
// Each entry is `name` (every version) or `name@RANGES`: comma-separated minor versions or
// ranges, open at either end ("7-" is 3.7 onwards, "-10" up to 3.10, "10" only 3.10). An open
// upper end also covers 3.14, which was not measured (no interpreter at hand).

const CPYTHON_NAMES: ReadonlyMap<string, string> = new Map([
  [
    "sys",
    "__breakpointhook__@7- __displayhook__ __doc__ __excepthook__ __interactivehook__ __loader__ " +
    "__name__ __package__ __spec__ __stderr__ __stdin__ __stdout__ __unraisablehook__@8- " +
    "_base_executable@8- _baserepl@13- _clear_internal_caches@13- _clear_type_cache " +
    "_current_exceptions@10- _current_frames _deactivate_opcache@10 _debugmallocstats _framework@7- " +
    "_get_cpu_count_config@13- _getframe _getframemodulename@12- _getquickenedcount@11 _git _home " +
    "_is_gil_enabled@13- _is_interned@13- _setprofileallthreads@12- _settraceallthreads@12- " +
    "_stdlib_dir@11- _xoptions abiflags activate_stack_trampoline@12- addaudithook@8- api_version " +
    "argv audit@8- base_exec_prefix base_prefix breakpointhook@7- builtin_module_names byteorder " +
    "call_tracing callstats@-8 copyright deactivate_stack_trampoline@12- displayhook " +
    "dont_write_bytecode exc_info excepthook exception@11- exec_prefix executable exit flags " +
    "float_info float_repr_style get_asyncgen_hooks get_coroutine_origin_tracking_depth@7- " +
    "get_coroutine_wrapper@-7 get_int_max_str_digits@7- getallocatedblocks getcheckinterval@-8 " +
    "getdefaultencoding getdlopenflags getfilesystemencodeerrors getfilesystemencoding getprofile " +
    "getrecursionlimit getrefcount getsizeof getswitchinterval gettrace getunicodeinternedsize@12- " +
    "hash_info hexversion implementation int_info intern is_finalizing is_stack_trampoline_active@12- " +
    "maxsize maxunicode meta_path modules monitoring@12- orig_argv@10- path path_hooks " +
    "path_importer_cache platform platlibdir@9- prefix pycache_prefix@8- set_asyncgen_hooks " +
    "set_coroutine_origin_tracking_depth@7- set_coroutine_wrapper@-7 set_int_max_str_digits@7- " +
    "setcheckinterval@-8 setdlopenflags setprofile setrecursionlimit setswitchinterval settrace " +
    "stderr stdin stdlib_module_names@10- stdout thread_info unraisablehook@8- version version_info " +
    "warnoptions",
  ],
  [
    "gc",
    "DEBUG_COLLECTABLE DEBUG_LEAK DEBUG_SAVEALL DEBUG_STATS DEBUG_UNCOLLECTABLE __doc__ __loader__ " +
    "__name__ __package__ __spec__ callbacks collect disable enable freeze@7- garbage get_count " +
    "get_debug get_freeze_count@7- get_objects get_referents get_referrers get_stats get_threshold " +
    "is_finalized@9- is_tracked isenabled set_debug set_threshold unfreeze@7-",
  ],
  [
    "time",
    "CLOCK_BOOTTIME@7- CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID CLOCK_REALTIME " +
    "CLOCK_TAI@9- CLOCK_THREAD_CPUTIME_ID _STRUCT_TM_ITEMS __doc__ __loader__ __name__ __package__ " +
    "__spec__ altzone asctime clock@-7 clock_getres clock_gettime clock_gettime_ns@7- clock_settime " +
    "clock_settime_ns@7- ctime daylight get_clock_info gmtime localtime mktime monotonic " +
    "monotonic_ns@7- perf_counter perf_counter_ns@7- process_time process_time_ns@7- " +
    "pthread_getcpuclockid@7- sleep strftime strptime struct_time thread_time@7- thread_time_ns@7- " +
    "time time_ns@7- timezone tzname tzset",
  ],
  [
    "math",
    "__doc__ __file__ __loader__ __name__ __package__ __spec__ acos acosh asin asinh atan atan2 atanh " +
    "cbrt@11- ceil comb@8- copysign cos cosh degrees dist@8- e erf erfc exp exp2@11- expm1 fabs " +
    "factorial floor fma@13- fmod frexp fsum gamma gcd hypot inf isclose isfinite isinf isnan " +
    "isqrt@8- lcm@9- ldexp lgamma log log10 log1p log2 modf nan nextafter@9- perm@8- pi pow prod@8- " +
    "radians remainder@7- sin sinh sqrt sumprod@12- tan tanh tau trunc ulp@9-",
  ],
  [
    "string",
    "Formatter Template _ChainMap _TemplateMetaclass@-8 __all__ __builtins__ __cached__ __doc__ " +
    "__file__ __loader__ __name__ __package__ __spec__ _re _sentinel_dict@8- _string ascii_letters " +
    "ascii_lowercase ascii_uppercase capwords digits hexdigits octdigits printable punctuation " +
    "whitespace",
  ],
  [
    "copy",
    "Error __all__ __builtins__ __cached__ __doc__ __file__ __loader__ __name__ __package__ __spec__ " +
    "_copy_dispatch _copy_immutable _deepcopy_atomic _deepcopy_dict _deepcopy_dispatch _deepcopy_list " +
    "_deepcopy_method _deepcopy_tuple _keep_alive _reconstruct copy deepcopy dispatch_table error " +
    "replace@13-",
  ],
  [
    "weakref",
    "CallableProxyType KeyedRef ProxyType ProxyTypes ReferenceType WeakKeyDictionary WeakMethod " +
    "WeakSet WeakValueDictionary _IterationGuard __all__ __builtins__ __cached__ __doc__ __file__ " +
    "__loader__ __name__ __package__ __spec__ _collections_abc@7- _remove_dead_weakref collections@-6 " +
    "finalize getweakrefcount getweakrefs itertools proxy ref sys",
  ],
  [
    "_weakref",
    "CallableProxyType ProxyType ReferenceType __doc__ __loader__ __name__ __package__ __spec__ " +
    "_remove_dead_weakref getweakrefcount getweakrefs proxy ref",
  ],
  [
    "ctypes",
    "ARRAY ArgumentError Array BigEndianStructure BigEndianUnion@11- CDLL CFUNCTYPE DEFAULT_MODE " +
    "LibraryLoader LittleEndianStructure LittleEndianUnion@11- POINTER PYFUNCTYPE PyDLL RTLD_GLOBAL " +
    "RTLD_LOCAL SIZEOF_TIME_T@12- SetPointerType Structure Union _CFuncPtr _FUNCFLAG_CDECL " +
    "_FUNCFLAG_PYTHONAPI _FUNCFLAG_USE_ERRNO _FUNCFLAG_USE_LASTERROR _Pointer _SimpleCData " +
    "__builtins__ __cached__ __doc__ __file__ __loader__ __name__ __package__ __path__ __spec__ " +
    "__version__ _c_functype_cache _calcsize _cast _cast_addr _check_size _ctypes_version _dlopen " +
    "_endian _memmove_addr _memset_addr _os _pointer_type_cache _reset_cache _string_at " +
    "_string_at_addr _sys _types@9- _wstring_at _wstring_at_addr addressof alignment byref c_bool " +
    "c_buffer c_byte c_char c_char_p c_double c_float c_int c_int16 c_int32 c_int64 c_int8 c_long " +
    "c_longdouble c_longlong c_short c_size_t c_ssize_t c_time_t@12- c_ubyte c_uint c_uint16 c_uint32 " +
    "c_uint64 c_uint8 c_ulong c_ulonglong c_ushort c_void_p c_voidp c_wchar c_wchar_p cast cdll " +
    "create_string_buffer create_unicode_buffer get_errno memmove memset pointer py_object pydll " +
    "pythonapi resize set_errno sizeof string_at wstring_at",
  ],
]);

/**
 * Names a module gains while a session runs (the traceback IPython shows sets sys.last_*; the
 * prompts IPython sets, sys.ps1 to ps3; the submodules of the ctypes package once something
 * imported them, which `from ctypes import util` does): never answered as missing.
 */
const RUN_TIME_NAMES: ReadonlyMap<string, string> = new Map([
  ["sys", "last_type last_value last_traceback last_exc@12- ps1 ps2 ps3 tracebacklimit"],
  ["ctypes", "util wintypes macholib _aix@12- _layout@13-"],
]);

/** The last minor version measured: a later profile may have names no list here holds. */
const LAST_MEASURED_MINOR = 13;

/** Whether a token's version ranges ("7-", "-10", "6-8,11") include `minor`. */
function rangesInclude(ranges: string, minor: number): boolean {
  for (const range of ranges.split(",")) {
    const dash = range.indexOf("-");
    const low = dash < 0 ? Number(range) : dash === 0 ? 0 : Number(range.slice(0, dash));
    const high = dash < 0 ? Number(range) : dash === range.length - 1 ? Infinity : Number(range.slice(dash + 1));
    if (minor >= low && minor <= high) return true;
  }
  return false;
}

/** The names of a list's tokens that exist on `minor`. */
function namesOn(list: string | undefined, minor: number): string[] {
  if (list === undefined) return [];
  const names: string[] = [];
  for (const token of list.split(" ")) {
    const at = token.indexOf("@");
    if (at < 0) names.push(token);
    else if (rangesInclude(token.slice(at + 1), minor)) names.push(token.slice(0, at));
  }
  return names;
}

/** Per module and minor version: the names dir() shows on CPython, and those that may appear later. */
const cache = new Map<string, { readonly listed: readonly string[]; readonly possible: ReadonlySet<string> }>();

function namesOf(module: string, minor: number): { readonly listed: readonly string[]; readonly possible: ReadonlySet<string> } {
  const key = `${module} ${minor}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    const listed = namesOn(CPYTHON_NAMES.get(module), minor);
    entry = { listed, possible: new Set([...listed, ...namesOn(RUN_TIME_NAMES.get(module), minor)]) };
    cache.set(key, entry);
  }
  return entry;
}

/**
 * Whether CPython's `module` may have `name` on `minor`, so a simulated module lacking it must
 * refuse rather than raise AttributeError. On a version newer than the measured ones, any name
 * may exist.
 */
export function cpythonMayHave(module: string, name: string, minor: number): boolean {
  if (!CPYTHON_NAMES.has(module)) return false;
  return minor > LAST_MEASURED_MINOR || namesOf(module, minor).possible.has(name);
}

/** dir() of CPython's `module` on `minor` (sorted), when measured; null for a later version. */
export function cpythonDir(module: string, minor: number): readonly string[] | null {
  if (!CPYTHON_NAMES.has(module) || minor > LAST_MEASURED_MINOR) return null;
  return namesOf(module, minor).listed;
}
