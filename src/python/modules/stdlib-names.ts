// The standard library's module names per Python version, measured from the real interpreters.
//
// 3.10–3.13 are exactly sys.stdlib_module_names (every platform's modules, e.g. winreg). 3.6–3.9 have
// no such list: theirs is what pkgutil.iter_modules finds in the stdlib and lib-dynload directories
// plus sys.builtin_module_names, plus the platform- and build-dependent names of the 3.10 list
// (winreg, _dbm, …), minus the test modules below. 3.14 is 3.13's list plus its announced
// additions (no 3.14 interpreter was at hand to measure).

/** sys.stdlib_module_names of 3.10, the base the other versions are described against. */
const STDLIB_3_10 =
  "__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2 _codecs " +
  "_codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections " +
  "_collections_abc _compat_pickle _compression _contextvars _crypt _csv _ctypes _curses " +
  "_curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib _frozen_importlib_external " +
  "_functools _gdbm _hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase _md5 _msi " +
  "_multibytecodec _multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem " +
  "_posixsubprocess _py_abc _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 " +
  "_signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct " +
  "_symtable _thread _threading_local _tkinter _tracemalloc _uuid _warnings _weakref _weakrefset " +
  "_winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit " +
  "audioop base64 bdb binascii binhex bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath " +
  "cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib " +
  "contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis " +
  "distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput " +
  "fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip " +
  "hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools " +
  "json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap " +
  "modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode " +
  "operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib " +
  "poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat " +
  "queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select " +
  "selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 " +
  "sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess " +
  "sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this " +
  "threading time timeit tkinter token tokenize trace traceback tracemalloc tty turtle turtledemo " +
  "types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg " +
  "winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo";

/** How each version's list differs from 3.10's. */
const CHANGES_FROM_3_10: ReadonlyMap<string, { readonly added: string; readonly removed: string }> = new Map([
  ["3.6", {
    added:
      "_bootlocale _dummy_thread dummy_threading formatter macpath macurl2path parser symbol",
    removed:
      "_abc _aix_support _bootsubprocess _contextvars _posixshmem _py_abc _queue _statistics _uuid " +
      "_zoneinfo contextvars dataclasses graphlib zoneinfo",
  }],
  ["3.7", {
    added:
      "_bootlocale _dummy_thread dummy_threading formatter macpath parser symbol",
    removed:
      "_aix_support _bootsubprocess _posixshmem _statistics _zoneinfo graphlib zoneinfo",
  }],
  ["3.8", {
    added:
      "_bootlocale _dummy_thread dummy_threading formatter parser symbol",
    removed:
      "_aix_support _bootsubprocess _zoneinfo graphlib zoneinfo",
  }],
  ["3.9", {
    added:
      "_bootlocale _peg_parser formatter parser symbol",
    removed: "",
  }],
  ["3.11", {
    added:
      "_tokenize _typing tomllib",
    removed:
      "binhex",
  }],
  ["3.12", {
    added:
      "_pydatetime _pylong _sha2 _tokenize _typing tomllib",
    removed:
      "_bootsubprocess _sha256 _sha512 asynchat asyncore binhex distutils imp smtpd",
  }],
  ["3.13", {
    added:
      "_android_support _colorize _interpchannels _interpqueues _interpreters _ios_support " +
      "_opcode_metadata _pydatetime _pylong _pyrepl _sha2 _suggestions _sysconfig _tokenize _typing " +
      "_wmi tomllib",
    removed:
      "_bootsubprocess _crypt _msi _sha256 _sha512 aifc asynchat asyncore audioop binhex cgi cgitb " +
      "chunk crypt distutils imghdr imp lib2to3 mailcap msilib nis nntplib ossaudiodev pipes smtpd " +
      "sndhdr spwd sunau telnetlib uu xdrlib",
  }],
  ["3.14", {
    added:
      "_android_support _colorize _hmac _interpchannels _interpqueues _interpreters _ios_support " +
      "_opcode_metadata _pydatetime _pylong _pyrepl _remote_debugging _sha2 _suggestions _sysconfig " +
      "_tokenize _typing _wmi _zstd annotationlib compression tomllib",
    removed:
      "_bootsubprocess _crypt _msi _sha256 _sha512 aifc asynchat asyncore audioop binhex cgi cgitb " +
      "chunk crypt distutils imghdr imp lib2to3 mailcap msilib nis nntplib ossaudiodev pipes smtpd " +
      "sndhdr spwd sunau telnetlib uu xdrlib",
  }],
]);

/**
 * Modules every CPython build ships but sys.stdlib_module_names leaves out (test support and
 * frozen demo modules), over all versions: importable on a real interpreter, so never "missing".
 */
const SHIPPED_TEST_MODULES =
  "__hello__ __phello__ _ctypes_test _testbuffer _testcapi _testclinic _testclinic_limited " +
  "_testexternalinspection _testimportmultiple _testinternalcapi _testlimitedcapi _testmultiphase " +
  "_testsinglephase _xxinterpchannels _xxsubinterpreters _xxtestfuzz test xxlimited xxlimited_35 " +
  "xxsubtype";

const words = (text: string): string[] => (text === "" ? [] : text.split(" "));

const byVersion = new Map<string, ReadonlySet<string>>();

/** sys.stdlib_module_names of a version ("3.12"); the 3.10 list for a version not measured. */
export function stdlibModuleNames(versionKey: string): ReadonlySet<string> {
  let names = byVersion.get(versionKey);
  if (names === undefined) {
    const set = new Set(words(STDLIB_3_10));
    const changes = CHANGES_FROM_3_10.get(versionKey);
    if (changes !== undefined) {
      for (const name of words(changes.added)) set.add(name);
      for (const name of words(changes.removed)) set.delete(name);
    }
    names = set;
    byVersion.set(versionKey, names);
  }
  return names;
}

const shippedTestModules: ReadonlySet<string> = new Set(words(SHIPPED_TEST_MODULES));

/** Whether a real interpreter of the version ships a top-level module of this name. */
export function isShippedWithCPython(name: string, versionKey: string): boolean {
  return stdlibModuleNames(versionKey).has(name) || shippedTestModules.has(name);
}
