// Which texts are addresses: hex length, padding, case, alignment, decimal ids and `id(` calls.
import { describe, expect, it } from "vitest";
import { callsId, findAddresses } from "../../src/check/addresses.js";

const hexOnly = { decimalIds: false };
const withIds = { decimalIds: true };

describe("hex addresses", () => {
  it("finds a 64-bit address inside a repr", () => {
    const [token, ...rest] = findAddresses("<__main__.A object at 0x7ff8df77a2b0>", hexOnly);
    expect(rest).toEqual([]);
    expect(token).toMatchObject({ form: "hex", text: "0x7ff8df77a2b0", value: 0x7ff8df77a2b0n, start: 22, end: 36 });
  });

  it("gives zero-padded upper-case and plain lower-case spellings the same value", () => {
    const [padded] = findAddresses("at 0x0000021257457B70", hexOnly);
    const [plain] = findAddresses("at 0x21257457b70", hexOnly);
    expect(padded!.value).toBe(plain!.value);
    expect(padded!.text).not.toBe(plain!.text);
  });

  it("accepts 32-bit addresses of 8 digits", () => {
    expect(findAddresses("0x7559eaf0", hexOnly).map((token) => token.text)).toEqual(["0x7559eaf0"]);
  });

  it("leaves short hex numbers such as hex(255) as text", () => {
    expect(findAddresses("0xff 0xffff 0xfffff0", hexOnly)).toEqual([]);
  });

  it("accepts 6-digit hex where the cell calls id(): a non-PIE interpreter's static objects", () => {
    expect(findAddresses("0xa5bbc8 0xff 0xfffff0", withIds).map((token) => token.text)).toEqual(["0xa5bbc8", "0xfffff0"]);
    expect(findAddresses("0xa5bbc8", hexOnly)).toEqual([]);
  });

  it("leaves values that cannot be object addresses as text", () => {
    // Odd values are never pointer-aligned; 0x00000000 is NULL; 17 digits exceed 64 bits.
    expect(findAddresses("0xdeadbeef 0x00000000 0x1000000000000000f0", hexOnly)).toEqual([]);
  });

  it("needs a boundary on both sides", () => {
    expect(findAddresses("x0x7ff8df77a2b0 0x7ff8df77a2b0g", hexOnly)).toEqual([]);
    expect(findAddresses("(0x7ff8df77a2b0,", hexOnly)).toHaveLength(1);
  });
});

describe("decimal ids", () => {
  it("are addresses only when asked (the cell calls id()", () => {
    expect(findAddresses("140349388912800", hexOnly)).toEqual([]);
    expect(findAddresses("140349388912800", withIds)).toMatchObject([{ form: "decimal", value: 140349388912800n }]);
  });

  it("need 7 digits and alignment", () => {
    expect(findAddresses("123456", withIds)).toEqual([]);
    expect(findAddresses("1234568", withIds)).toHaveLength(1);
    // The immortal refcount of 3.12 is odd: never an address.
    expect(findAddresses("4294967295", withIds)).toEqual([]);
  });

  it("are not parts of floats or words", () => {
    expect(findAddresses("1.1234568 1234568.5 a1234568 1234568_0", withIds)).toEqual([]);
  });

  it("can end a sentence", () => {
    expect(findAddresses("id is 140349388912800.", withIds)).toHaveLength(1);
  });

  it("do not double-count the digits of a hex address", () => {
    expect(findAddresses("0x12345678 2000000", withIds).map((token) => token.form)).toEqual(["hex", "decimal"]);
  });
});

describe("callsId", () => {
  it("sees the builtin called, with or without space", () => {
    expect(callsId("print(id(a))")).toBe(true);
    expect(callsId("x = id (a)")).toBe(true);
    expect(callsId("ref_count(id(a))")).toBe(true);
  });

  it("ignores methods and names that merely end in id", () => {
    expect(callsId("obj.id(3)")).toBe(false);
    expect(callsId("object_by_id(a_id)")).toBe(false);
    expect(callsId("print(a_id)")).toBe(false);
  });
});
