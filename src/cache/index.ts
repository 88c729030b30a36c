// The result cache's public surface: keys, the on-disk store and lesson-level lookups.
export { cellCacheKeys, effectiveTimeoutMs, CACHE_FORMAT, type CellKeyOptions } from "./cache-key.js";
export { engineFingerprint } from "./engine-fingerprint.js";
export { folderFingerprint } from "./code-fingerprint.js";
export { ResultStore, DEFAULT_CACHE_DIR, type StoredCell } from "./result-store.js";
export { LessonCache, isCacheable, type CacheLookup, type CacheStats, type LessonRunSettings } from "./lesson-cache.js";
