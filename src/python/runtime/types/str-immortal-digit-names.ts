// The interned strs with a digit that CPython 3.13 holds immortal in a fresh kernel session.
//
// 3.13 interns immortal every name its runtime, the kernel and each loaded module use; which
// those are cannot be derived, so the simulator answers the count of an interned str only
// when it is sure: names with a digit are rare in that set, and these are all of them that a
// walk of the session's objects, modules, types and code objects found (measured on 3.13.0
// with the emulated kernel). Strs of one character are static singletons anyway.
export const IMMORTAL_DIGIT_NAMES_313: ReadonlySet<string> = new Set([
  ".0", "30", "BLAKE2B_MAX_DIGEST_SIZE", "BLAKE2B_MAX_KEY_SIZE", "BLAKE2B_PERSON_SIZE",
  "BLAKE2B_SALT_SIZE", "BLAKE2S_MAX_DIGEST_SIZE", "BLAKE2S_MAX_KEY_SIZE", "BLAKE2S_PERSON_SIZE",
  "BLAKE2S_SALT_SIZE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF16", "BOM_UTF16_BE",
  "BOM_UTF16_LE", "BOM_UTF32", "BOM_UTF32_BE", "BOM_UTF32_LE", "BOM_UTF8",
  "END_CENTRAL_DIR_LOCATOR_SIZE_64", "END_CENTRAL_DIR_SIZE_64", "HAS_UTF8", "MAX_UINT32", "MD5",
  "MFD_HUGE_16GB", "MFD_HUGE_16MB", "MFD_HUGE_1GB", "MFD_HUGE_1MB", "MFD_HUGE_256MB",
  "MFD_HUGE_2GB", "MFD_HUGE_2MB", "MFD_HUGE_32MB", "MFD_HUGE_512KB", "MFD_HUGE_512MB",
  "MFD_HUGE_64KB", "MFD_HUGE_8MB", "POSIX_SPAWN_DUP2", "Repr.repr1", "SHA1", "SHA224", "SHA256",
  "SHA384", "SHA512", "SIGUSR1", "SIGUSR2", "STRING_END_LOCATOR_64", "STRING_END_ZIP_64",
  "ZIP64_EXTRA_TAG", "_MAXCACHE2", "_c3_merge", "_c3_mro", "_c3_mro.<locals>.<genexpr>", "_cache2",
  "_pack_uint32", "_unpack_uint16", "_unpack_uint32", "_unpack_uint64", "_value2member_map_",
  "abstract_c3_mros", "as_utf8", "blake2b", "blake2s", "code1", "code2", "cp437_table",
  "dis.<locals>.dis_.<locals>.print_2", "dup2", "explicit_c3_mros", "f1", "f2", "flags1", "fp1",
  "fp2", "latin1", "line0withend", "line0withoutend", "max_10_exp", "md5", "other_c3_mros",
  "pbkdf2_hmac", "pos64", "prefix1", "prefix_skip1", "print_2", "read1", "readinto1", "repr1",
  "s1", "s2", "sha1", "sha224", "sha256", "sha384", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
  "sha512", "shake_128", "shake_256", "t1", "t2", "uni2", "utf8_size", "utf_8", "utf_8_decode",
  "utf_8_encode", "utf_8_sig", "value2member_map", "win32",
]);
