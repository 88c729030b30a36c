// A model of CPython's object allocator (Objects/obmalloc.c): where objects live, and reuse.
//
// Small requests (≤ 512 bytes) come from pymalloc: arenas cut into pools, each pool serving
// one size class (multiples of the alignment). A pool hands out its blocks by bumping an
// offset until it has freed blocks, which it then reuses last-freed-first. Freeing a block
// writes the previous free-list head into the block's first word; that is what a ctypes read
// of a freed int or str shows (FACTS §1.6). Larger requests go to a "system malloc" region with
// its own exact-size reuse. Addresses are plain numbers: below 2**53, so exact in a double.
//
//        arena (256 KiB or 1 MiB)
//   ┌──────────────┬──────────────┬─────
//   │ pool (class 2)│ pool (class 0)│ ...     pool = header (48 bytes) + blocks
//   └──────────────┴──────────────┴─────
//        ▲ usedPools[class] → the pool new blocks of that class come from

const POOL_HEADER = 48;
/** Requests up to this many bytes are served by pymalloc. */
export const SMALL_REQUEST_LIMIT = 512;
/** Unmapped pools between consecutive arenas. */
const ARENA_GAP_POOLS = 17;

class Pool {
  /** Blocks handed out so far by bumping (blocks below this index have been used once). */
  nextBlock = 0;
  /** Head of the LIFO list of freed blocks (block indexes), -1 when empty. */
  freeHead = -1;
  /**
   * next-free link per block index (-1 = end of list). For a freed block this is also what its
   * first word holds: the address of the block freed before it.
   */
  readonly freeNext: Int32Array;
  /** The live object in each block (undefined when free) and its address's offset into the block. */
  readonly occupants: unknown[];
  readonly occupantOffsets: Int32Array;
  used = 0;
  inUsedList = false;
  /** Links of the usedpools list this pool is on (toward the front, toward the back). */
  previousUsed: Pool | null = null;
  nextUsed: Pool | null = null;
  /**
   * Offset of block 0 from the allocator's first arena. The hot paths work on these small
   * integers; an absolute address (about 2**47) is a double, which V8 boxes when stored.
   */
  readonly firstOffset: number;
  /**
   * log2(blockSize) when the block size is a power of two (16, 32, 64...: ints and short strs),
   * else -1: a block's index is then a shift of its offset rather than an integer division.
   */
  readonly blockShift: number;

  constructor(
    readonly start: number,
    startOffset: number,
    readonly sizeClass: number,
    readonly blockSize: number,
    readonly capacity: number,
    tables: PoolTables,
  ) {
    this.freeNext = tables.freeNext;
    this.occupants = tables.occupants;
    this.occupantOffsets = tables.occupantOffsets;
    this.firstOffset = startOffset + POOL_HEADER;
    this.blockShift = (blockSize & (blockSize - 1)) === 0 ? Math.log2(blockSize) : -1;
  }

  /** The index of the block at `blockOffset` (an allocator offset of the block's first byte). */
  indexAt(blockOffset: number): number {
    const relative = blockOffset - this.firstOffset;
    return this.blockShift >= 0 ? relative >> this.blockShift : (relative / this.blockSize) | 0;
  }

  blockAddress(index: number): number {
    return this.start + POOL_HEADER + index * this.blockSize;
  }

  /** The first word of a freed block: the address of the next free block, 0 at the end. */
  freeWord(index: number): number {
    const next = this.freeNext[index]!;
    return next >= 0 ? this.blockAddress(next) : 0;
  }
}

/** A pool's per-block tables, kept when the pool empties for the next pool of that capacity. */
interface PoolTables {
  readonly freeNext: Int32Array;
  readonly occupants: unknown[];
  readonly occupantOffsets: Int32Array;
}

/**
 * Int32 entries per slab that new pools' tables are cut from: a typed array of its own per pool
 * is a separate system allocation for V8 (thousands of them when a loop fills a big list).
 */
const TABLE_SLAB_ENTRIES = 1 << 18;

/**
 * The occupant of a block whose object is held in packed form (a list's int kept as its value,
 * types/list-packed-ints.ts): a read of such a block first has every holder make its objects.
 */
export const PACKED_OCCUPANT = Object.freeze({ packed: true });

/** Something holding blocks whose occupant is PACKED_OCCUPANT. */
export interface PackedHolder {
  /** Makes the objects of all its packed blocks (each block's occupant becomes its object). */
  unpackAll(): void;
}

export class Allocator {
  private readonly poolSize: number;
  private readonly arenaSize: number;
  private readonly alignment: number;

  /** The pymalloc alignment: block sizes are its multiples. */
  get alignmentBytes(): number {
    return this.alignment;
  }
  private readonly alignmentShift: number;
  /** log2(poolSize). */
  private readonly poolShift: number;
  /**
   * usedpools: per size class, the front of a doubly linked list of the pools with free room,
   * most recently (re)entered first. Linked as in CPython, so that a pool leaves the middle of
   * the list in constant time (freeing a big list empties thousands of pools in random order).
   */
  private readonly usedPools: (Pool | null)[];
  /** Live pools by (pool start - first arena start) / pool size: finding a block's pool is one index. */
  private readonly poolsByIndex: (Pool | undefined)[] = [];
  /** The first arena's start: `allocateSmall` offsets are relative to it. */
  readonly arenaBase: number;
  private readonly emptyPools: number[] = [];
  /** The tables of emptied pools, by capacity (every one of their occupants is undefined). */
  private readonly spareTables = new Map<number, PoolTables[]>();
  private tableSlab = new ArrayBuffer(0);
  private tableSlabUsed = 0;
  private nextArenaStart: number;
  private arenaPoolsLeft = 0;
  private arenaCursor = 0;
  // System malloc model for large blocks: bump allocation with exact-size reuse.
  private largeCursor: number;
  private readonly largeFree = new Map<number, number[]>();
  private readonly largeBlocks = new Map<number, { size: number; object: unknown; headerBytes: number }>();
  /** Everything holding PACKED_OCCUPANT blocks (it adds and removes itself). */
  readonly packedHolders = new Set<PackedHolder>();

  constructor(options: { poolSize: number; alignment: number; arenaStart: number; largeStart: number }) {
    this.poolSize = options.poolSize;
    this.arenaSize = options.poolSize === 4096 ? 256 * 1024 : 1024 * 1024;
    this.alignment = options.alignment;
    this.alignmentShift = Math.log2(options.alignment);
    this.poolShift = Math.log2(options.poolSize);
    this.usedPools = new Array<Pool | null>(SMALL_REQUEST_LIMIT / options.alignment).fill(null);
    this.nextArenaStart = options.arenaStart;
    this.arenaBase = options.arenaStart;
    this.largeCursor = options.largeStart;
  }

  /**
   * Gives every size class a pool that stays in use: CPython's startup leaves long-lived objects
   * of every small size behind, so a block freed by user code never empties its pool, and a
   * request of another size class never lands in the pool that block came from.
   */
  reserveStartupBlocks(occupant: unknown): void {
    for (let sizeClass = 0; sizeClass < this.usedPools.length; sizeClass++) this.allocateSmall((sizeClass + 1) * this.alignment, 0, occupant);
  }

  /**
   * Allocates `size` bytes for an object whose own address is `headerBytes` into the block
   * (a GC header in front of it). Returns the object's address.
   */
  allocate(size: number, headerBytes: number, object: unknown): number {
    if (size > SMALL_REQUEST_LIMIT) return this.allocateLarge(size, headerBytes, object);
    return this.arenaBase + this.allocateSmall(size, headerBytes, object);
  }

  /**
   * The pymalloc path of `allocate` (size ≤ 512): returns the address minus `arenaBase`, a small
   * integer, so hot callers (ints) avoid a boxed double until they store the address.
   */
  allocateSmall(size: number, headerBytes: number, object: unknown): number {
    const sizeClass = ((size + this.alignment - 1) >> this.alignmentShift) - 1;
    const pool = this.usedPools[sizeClass] ?? this.newPool(sizeClass);
    let index = pool.freeHead;
    if (index >= 0) pool.freeHead = pool.freeNext[index]!;
    else index = pool.nextBlock++;
    pool.occupants[index] = object;
    pool.occupantOffsets[index] = headerBytes;
    if (++pool.used === pool.capacity) this.unlinkUsed(pool);
    return pool.firstOffset + index * pool.blockSize + headerBytes;
  }

  /** Frees the block of the object at `address`, allocated with the same size and header. */
  free(address: number, headerBytes: number, size: number): void {
    if (size > SMALL_REQUEST_LIMIT) {
      this.freeLargeAt(address, headerBytes);
      return;
    }
    const blockOffset = address - headerBytes - this.arenaBase;
    if (blockOffset < 0 || blockOffset >= 2 ** 31) throw new Error(`simulator bug: free of unknown address 0x${address.toString(16)}`);
    this.freeSmall(address - this.arenaBase, headerBytes);
  }

  /**
   * `free` for a small block (size ≤ 512) given the object's address minus `arenaBase`, the
   * small integer `allocateSmall` returned: the hot path of ints, which die by the million.
   */
  freeSmall(offset: number, headerBytes: number): void {
    const blockOffset = offset - headerBytes;
    const pool = this.poolsByIndex[blockOffset >> this.poolShift];
    if (pool === undefined) throw new Error(`simulator bug: free of unknown address 0x${(this.arenaBase + offset).toString(16)}`);
    const index = pool.indexAt(blockOffset);
    pool.freeNext[index] = pool.freeHead;
    pool.freeHead = index;
    pool.occupants[index] = undefined;
    if (--pool.used === 0) {
      this.retireEmptyPool(pool);
      return;
    }
    // A full pool that gets a free block goes back to the front of usedpools.
    if (!pool.inUsedList) this.linkUsedFront(pool);
  }

  /** Puts `pool` at the front of its size class's usedpools list. */
  private linkUsedFront(pool: Pool): void {
    const front = this.usedPools[pool.sizeClass] ?? null;
    pool.previousUsed = null;
    pool.nextUsed = front;
    if (front !== null) front.previousUsed = pool;
    this.usedPools[pool.sizeClass] = pool;
    pool.inUsedList = true;
  }

  /** Takes `pool` off its size class's usedpools list, wherever it is. */
  private unlinkUsed(pool: Pool): void {
    const previous = pool.previousUsed;
    const next = pool.nextUsed;
    if (previous !== null) previous.nextUsed = next;
    else this.usedPools[pool.sizeClass] = next;
    if (next !== null) next.previousUsed = previous;
    pool.previousUsed = null;
    pool.nextUsed = null;
    pool.inUsedList = false;
  }

  /** An empty pool leaves usedpools and may later serve any size class. */
  private retireEmptyPool(pool: Pool): void {
    if (pool.inUsedList) this.unlinkUsed(pool);
    this.poolsByIndex[(pool.start - this.arenaBase) >> this.poolShift] = undefined;
    this.emptyPools.push(pool.start);
    let spare = this.spareTables.get(pool.capacity);
    if (spare === undefined) this.spareTables.set(pool.capacity, (spare = []));
    spare.push(pool);
  }

  /** Tables for a new pool of `capacity` blocks: an emptied pool's, or fresh ones. */
  private poolTables(capacity: number): PoolTables {
    const spare = this.spareTables.get(capacity)?.pop();
    if (spare !== undefined) {
      spare.freeNext.fill(-1);
      return spare;
    }
    const freeNext = this.slabInts(capacity).fill(-1);
    // A fresh occupants array is all holes, which read as undefined (free).
    return { freeNext, occupants: new Array(capacity), occupantOffsets: this.slabInts(capacity) };
  }

  /** `count` zeroed int32 entries of the current table slab. */
  private slabInts(count: number): Int32Array {
    if (this.tableSlabUsed + count * 4 > this.tableSlab.byteLength) {
      this.tableSlab = new ArrayBuffer(Math.max(TABLE_SLAB_ENTRIES, count) * 4);
      this.tableSlabUsed = 0;
    }
    const ints = new Int32Array(this.tableSlab, this.tableSlabUsed, count);
    this.tableSlabUsed += count * 4;
    return ints;
  }

  private freeLargeAt(address: number, headerBytes: number): void {
    const blockAddress = address - headerBytes;
    const large = this.largeBlocks.get(blockAddress);
    if (large === undefined || large.object === undefined) throw new Error(`simulator bug: double free at 0x${address.toString(16)}`);
    this.freeLarge(blockAddress, large.size);
  }

  /**
   * Records that the block holding `address` now belongs to `occupant` (an object reusing a
   * free-list slot, or a marker for a parked free-list entry), without freeing it.
   */
  replaceOccupant(address: number, headerBytes: number, size: number, occupant: unknown): void {
    const blockAddress = address - headerBytes;
    if (size > SMALL_REQUEST_LIMIT) {
      const large = this.largeBlocks.get(blockAddress);
      if (large !== undefined) large.object = occupant;
      return;
    }
    const pool = this.poolAt(blockAddress);
    if (pool === undefined) return;
    const index = (blockAddress - pool.start - POOL_HEADER) / pool.blockSize;
    pool.occupants[index] = occupant;
    pool.occupantOffsets[index] = headerBytes;
  }

  /**
   * `replaceOccupant` for a small block (size ≤ 512) given the object's address minus
   * `arenaBase` (as `freeSmall` takes it): free-list reuse runs on small integers.
   */
  replaceSmallOccupant(offset: number, headerBytes: number, occupant: unknown): void {
    const blockOffset = offset - headerBytes;
    const pool = this.poolsByIndex[blockOffset >> this.poolShift];
    if (pool === undefined) return;
    const index = pool.indexAt(blockOffset);
    pool.occupants[index] = occupant;
    pool.occupantOffsets[index] = headerBytes;
  }

  /** Which object's memory covers `address`, and at what offset into that object. */
  locate(address: number): { kind: "object"; object: unknown; offset: number } | { kind: "free"; word: number; offset: number } | { kind: "unknown" } {
    const pool = this.poolAt(address);
    if (pool !== undefined) {
      const index = Math.floor((address - pool.start - POOL_HEADER) / pool.blockSize);
      if (index < 0 || index >= pool.nextBlock) return { kind: "unknown" };
      const blockOffset = address - pool.blockAddress(index);
      const occupant = pool.occupants[index];
      if (occupant === PACKED_OCCUPANT) {
        for (const holder of [...this.packedHolders]) holder.unpackAll();
        if (pool.occupants[index] === PACKED_OCCUPANT) throw new Error("simulator bug: a packed block that no holder holds");
        return this.locate(address);
      }
      if (occupant !== undefined) return { kind: "object", object: occupant, offset: blockOffset - pool.occupantOffsets[index]! };
      return { kind: "free", word: blockOffset === 0 ? pool.freeWord(index) : 0, offset: blockOffset };
    }
    for (const [start, block] of this.largeBlocks) {
      if (address >= start && address < start + block.size) {
        if (block.object === undefined) return { kind: "free", word: 0, offset: address - start };
        return { kind: "object", object: block.object, offset: address - start - block.headerBytes };
      }
    }
    return { kind: "unknown" };
  }

  /** The live pool covering `address`, if any. */
  private poolAt(address: number): Pool | undefined {
    const offset = address - this.arenaBase;
    if (offset < 0 || offset >= 2 ** 31) return undefined;
    return this.poolsByIndex[offset >> this.poolShift];
  }

  private newPool(sizeClass: number): Pool {
    if (this.arenaPoolsLeft === 0) {
      this.arenaCursor = this.nextArenaStart;
      // Arenas are separate mmaps, so there is a gap between them; pools stay pool-aligned,
      // which is what lets free() find a block's pool from its address alone.
      this.nextArenaStart += this.arenaSize + ARENA_GAP_POOLS * this.poolSize;
      this.arenaPoolsLeft = this.arenaSize / this.poolSize;
    }
    const start = this.emptyPools.pop() ?? this.takeArenaPool();
    const blockSize = (sizeClass + 1) * this.alignment;
    const capacity = Math.floor((this.poolSize - POOL_HEADER) / blockSize);
    const startOffset = start - this.arenaBase;
    const pool = new Pool(start, startOffset, sizeClass, blockSize, capacity, this.poolTables(capacity));
    this.poolsByIndex[startOffset >> this.poolShift] = pool;
    this.linkUsedFront(pool);
    return pool;
  }

  private takeArenaPool(): number {
    const start = this.arenaCursor;
    this.arenaCursor += this.poolSize;
    this.arenaPoolsLeft--;
    return start;
  }

  private allocateLarge(size: number, headerBytes: number, object: unknown): number {
    const rounded = Math.ceil((size + 16) / 16) * 16;
    const reusable = this.largeFree.get(rounded);
    const start = reusable !== undefined && reusable.length > 0 ? reusable.pop()! : this.bumpLarge(rounded);
    this.largeBlocks.set(start, { size: rounded, object, headerBytes });
    return start + headerBytes;
  }

  private bumpLarge(rounded: number): number {
    const start = this.largeCursor + 16; // malloc chunk header precedes the user pointer
    this.largeCursor += rounded + 16;
    return start;
  }

  private freeLarge(start: number, size: number): void {
    this.largeBlocks.set(start, { size, object: undefined, headerBytes: 0 });
    let list = this.largeFree.get(size);
    if (list === undefined) this.largeFree.set(size, (list = []));
    list.push(start);
  }
}
