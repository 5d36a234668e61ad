// A growable little-endian byte buffer for the hand-written binary formats (.sav, .dta). Pure.

export class BinaryWriter {
  private buffer = new Uint8Array(1024);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  private ensure(extra: number) {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
    this.view = new DataView(next.buffer);
  }

  int8(v: number) {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
    return this;
  }

  int16(v: number) {
    this.ensure(2);
    this.view.setInt16(this.length, v, true);
    this.length += 2;
    return this;
  }

  uint16(v: number) {
    this.ensure(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
    return this;
  }

  int32(v: number) {
    this.ensure(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
    return this;
  }

  uint32(v: number) {
    this.ensure(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
    return this;
  }

  uint64(v: number) {
    this.ensure(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
    return this;
  }

  float64(v: number) {
    this.ensure(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
    return this;
  }

  /** Raw bytes, then `pad` until `size` bytes were written (when given). */
  bytes(data: Uint8Array, size = data.length, pad = 0) {
    this.ensure(size);
    this.buffer.set(data.subarray(0, size), this.length);
    this.buffer.fill(pad, this.length + Math.min(size, data.length), this.length + size);
    this.length += size;
    return this;
  }

  /** ASCII or UTF-8 text in a fixed-size field. */
  text(s: string, size?: number, pad = 0) {
    const data = utf8(s);
    return this.bytes(data, size ?? data.length, pad);
  }

  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

const encoder = new TextEncoder();
export const utf8 = (s: string) => encoder.encode(s);

/** UTF-8 bytes of `s`, cut to at most `max` bytes without splitting a character. */
export function utf8Prefix(s: string, max: number): Uint8Array {
  const data = utf8(s);
  if (data.length <= max) return data;
  let end = max;
  // Continuation bytes are 10xxxxxx: back up to the start of the cut character.
  while (end > 0 && (data[end] & 0xc0) === 0x80) end--;
  return data.subarray(0, end);
}
