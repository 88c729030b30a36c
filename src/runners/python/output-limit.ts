// Caps a cell's output at a byte budget, keeping the head and saying how much was cut.

/** 1 MiB per cell: a runaway loop must not fill memory or the report. */
export const DEFAULT_OUTPUT_LIMIT_BYTES = 1 << 20;

/** Collects bytes up to a limit and counts the rest. */
export class CappedBytes {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private cut = 0;

  constructor(private readonly limit: number) {}

  add(bytes: Uint8Array): void {
    const room = this.limit - this.kept;
    if (bytes.length <= room) {
      this.chunks.push(Buffer.from(bytes));
      this.kept += bytes.length;
      return;
    }
    if (room > 0) {
      this.chunks.push(Buffer.from(bytes.subarray(0, room)));
      this.kept += room;
    }
    this.cut += bytes.length - Math.max(room, 0);
  }

  get cutBytes(): number {
    return this.cut;
  }

  /** UTF-8 text of what was kept (a character cut at the limit becomes U+FFFD). */
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

/** Keeps the first `limit` UTF-8 bytes of `text`, never splitting a character. */
export function capText(text: string, limit: number): { readonly text: string; readonly cutBytes: number } {
  const size = Buffer.byteLength(text, "utf8");
  if (size <= limit) return { text, cutBytes: 0 };
  const bytes = Buffer.from(text, "utf8");
  let end = Math.max(limit, 0);
  // Step back over continuation bytes (10xxxxxx) so the head ends on a character boundary.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString("utf8"), cutBytes: size - end };
}

/** The line appended to an output that was cut, so a reader (and the matcher) sees it. */
export function truncationNote(cutBytes: number): string {
  return `[lessonkit: output truncated, ${cutBytes} more bytes not shown]\n`;
}

/** `text` then, when something was cut, the note on a line of its own. */
export function withTruncationNote(text: string, cutBytes: number): string {
  if (cutBytes <= 0) return text;
  const separator = text === "" || text.endsWith("\n") ? "" : "\n";
  return `${text}${separator}${truncationNote(cutBytes)}`;
}
