// Splits a byte stream at a marker that may arrive cut across chunks (the driver's stderr boundaries).

export type ScanEvent = { readonly kind: "data"; readonly bytes: Buffer } | { readonly kind: "boundary" };

export class BoundaryScanner {
  private carry: Buffer = Buffer.alloc(0);
  private readonly marker: Buffer;

  constructor(marker: string) {
    this.marker = Buffer.from(marker, "utf8");
  }

  /** Data before each marker, then the marker; a tail that may start a marker is held back. */
  feed(chunk: Uint8Array): ScanEvent[] {
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
    const events: ScanEvent[] = [];
    for (let at = data.indexOf(this.marker); at >= 0; at = data.indexOf(this.marker)) {
      if (at > 0) events.push({ kind: "data", bytes: data.subarray(0, at) });
      events.push({ kind: "boundary" });
      data = data.subarray(at + this.marker.length);
    }
    const held = this.markerPrefixAtEnd(data);
    if (data.length > held) events.push({ kind: "data", bytes: data.subarray(0, data.length - held) });
    this.carry = Buffer.from(data.subarray(data.length - held));
    return events;
  }

  /** The held-back tail, when the stream ends. */
  end(): ScanEvent[] {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length > 0 ? [{ kind: "data", bytes: rest }] : [];
  }

  /** Length of the longest end of `data` that is a proper beginning of the marker. */
  private markerPrefixAtEnd(data: Buffer): number {
    for (let length = Math.min(this.marker.length - 1, data.length); length > 0; length--) {
      if (data.subarray(data.length - length).equals(this.marker.subarray(0, length))) return length;
    }
    return 0;
  }
}
