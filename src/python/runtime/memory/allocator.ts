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
const SMALL_REQUEST_LIMIT = 512;

class Pool {
  /** Blocks handed out so far by bumping (blocks below this index have been used once). */
  nextBlock = 0;
  /** Head of the LIFO list of freed blocks (block indexes), -1 when empty. */
  freeHead = -1;
  /** next-free link per block index (-1 = end of list). */
  readonly freeNext: Int32Array;
  /** The address written into a freed block's first word (0 for end of list). */
  readonly freeWord: Float64Array;
  /** The live object in each block (undefined when free) and its address's offset into the block. */
  readonly occupants: unknown[];
  readonly occupantOffsets: Int32Array;
  used = 0;
  inUsedList = false;

  constructor(
    readonly start: number,
    readonly sizeClass: number,
    readonly blockSize: number,
    readonly capacity: number,
  ) {
    this.freeNext = new Int32Array(capacity).fill(-1);
    this.freeWord = new Float64Array(capacity);
    this.occupants = new Array(capacity).fill(undefined);
    this.occupantOffsets = new Int32Array(capacity);
  }

  blockAddress(index: number): number {
    return this.start + POOL_HEADER + index * this.blockSize;
  }
}

export class Allocator {
  private readonly poolSize: number;
  private readonly arenaSize: number;
  private readonly alignment: number;
  /** usedpools: per size class, the pools with free room, most recently used first. */
  private readonly usedPools: Pool[][];
  private readonly poolsByNumber = new Map<number, Pool>();
  private readonly emptyPools: number[] = [];
  private nextArenaStart: number;
  private arenaPoolsLeft = 0;
  private arenaCursor = 0;
  // System malloc model for large blocks: bump allocation with exact-size reuse.
  private largeCursor: number;
  private readonly largeFree = new Map<number, number[]>();
  private readonly largeBlocks = new Map<number, { size: number; object: unknown; headerBytes: number }>();

  constructor(options: { poolSize: number; alignment: number; arenaStart: number; largeStart: number }) {
    this.poolSize = options.poolSize;
    this.arenaSize = options.poolSize === 4096 ? 256 * 1024 : 1024 * 1024;
    this.alignment = options.alignment;
    this.usedPools = Array.from({ length: SMALL_REQUEST_LIMIT / options.alignment }, () => []);
    this.nextArenaStart = options.arenaStart;
    this.largeCursor = options.largeStart;
  }

  /**
   * Allocates `size` bytes for an object whose own address is `headerBytes` into the block
   * (a GC header in front of it). Returns the object's address.
   */
  allocate(size: number, headerBytes: number, object: unknown): number {
    if (size > SMALL_REQUEST_LIMIT) return this.allocateLarge(size, headerBytes, object);
    const sizeClass = ((size + this.alignment - 1) / this.alignment - 1) | 0;
    const pools = this.usedPools[sizeClass]!;
    let pool = pools.length > 0 ? pools[pools.length - 1]! : this.newPool(sizeClass);
    let index: number;
    if (pool.freeHead >= 0) {
      index = pool.freeHead;
      pool.freeHead = pool.freeNext[index]!;
    } else {
      index = pool.nextBlock++;
    }
    pool.used++;
    pool.occupants[index] = object;
    pool.occupantOffsets[index] = headerBytes;
    if (pool.used === pool.capacity) {
      pools.pop();
      pool.inUsedList = false;
    }
    return pool.blockAddress(index) + headerBytes;
  }

  /** Frees the block of the object at `address`, allocated with the same size and header. */
  free(address: number, headerBytes: number, size: number): void {
    const blockAddress = address - headerBytes;
    if (size > SMALL_REQUEST_LIMIT) {
      const large = this.largeBlocks.get(blockAddress);
      if (large === undefined || large.object === undefined) throw new Error(`simulator bug: double free at 0x${address.toString(16)}`);
      this.freeLarge(blockAddress, large.size);
      return;
    }
    const pool = this.poolsByNumber.get(Math.floor(blockAddress / this.poolSize));
    if (pool === undefined) throw new Error(`simulator bug: free of unknown address 0x${address.toString(16)}`);
    const index = (blockAddress - pool.start - POOL_HEADER) / pool.blockSize;
    pool.freeWord[index] = pool.freeHead >= 0 ? pool.blockAddress(pool.freeHead) : 0;
    pool.freeNext[index] = pool.freeHead;
    pool.freeHead = index;
    pool.occupants[index] = undefined;
    pool.used--;
    if (pool.used === 0) {
      // An empty pool leaves usedpools and may later serve any size class.
      if (pool.inUsedList) {
        const pools = this.usedPools[pool.sizeClass]!;
        pools.splice(pools.indexOf(pool), 1);
        pool.inUsedList = false;
      }
      this.poolsByNumber.delete(pool.start / this.poolSize);
      this.emptyPools.push(pool.start);
      return;
    }
    if (!pool.inUsedList) {
      // A full pool that gets a free block goes back to the front of usedpools.
      this.usedPools[pool.sizeClass]!.push(pool);
      pool.inUsedList = true;
    }
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
    const pool = this.poolsByNumber.get(Math.floor(blockAddress / this.poolSize));
    if (pool === undefined) return;
    const index = (blockAddress - pool.start - POOL_HEADER) / pool.blockSize;
    pool.occupants[index] = occupant;
    pool.occupantOffsets[index] = headerBytes;
  }

  /** Which object's memory covers `address`, and at what offset into that object. */
  locate(address: number): { kind: "object"; object: unknown; offset: number } | { kind: "free"; word: number; offset: number } | { kind: "unknown" } {
    const pool = this.poolsByNumber.get(Math.floor(address / this.poolSize));
    if (pool !== undefined) {
      const index = Math.floor((address - pool.start - POOL_HEADER) / pool.blockSize);
      if (index < 0 || index >= pool.nextBlock) return { kind: "unknown" };
      const blockOffset = address - pool.blockAddress(index);
      const occupant = pool.occupants[index];
      if (occupant !== undefined) return { kind: "object", object: occupant, offset: blockOffset - pool.occupantOffsets[index]! };
      return { kind: "free", word: blockOffset === 0 ? pool.freeWord[index]! : 0, offset: blockOffset };
    }
    for (const [start, block] of this.largeBlocks) {
      if (address >= start && address < start + block.size) {
        if (block.object === undefined) return { kind: "free", word: 0, offset: address - start };
        return { kind: "object", object: block.object, offset: address - start - block.headerBytes };
      }
    }
    return { kind: "unknown" };
  }

  private newPool(sizeClass: number): Pool {
    if (this.arenaPoolsLeft === 0) {
      this.arenaCursor = this.nextArenaStart;
      this.nextArenaStart += this.arenaSize + 0x41000; // arenas are separate mmaps
      this.arenaPoolsLeft = this.arenaSize / this.poolSize;
    }
    const start = this.emptyPools.pop() ?? this.takeArenaPool();
    const blockSize = (sizeClass + 1) * this.alignment;
    const capacity = Math.floor((this.poolSize - POOL_HEADER) / blockSize);
    const pool = new Pool(start, sizeClass, blockSize, capacity);
    this.poolsByNumber.set(start / this.poolSize, pool);
    this.usedPools[sizeClass]!.push(pool);
    pool.inUsedList = true;
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
