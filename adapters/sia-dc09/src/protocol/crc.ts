/**
 * CRC-16/ARC (poly 0x8005 reflected as 0xA001, init 0, no final xor): the checksum DC-09 puts in
 * front of every frame, computed over the text from the first quote through the timestamp.
 */
const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-16/ARC of `bytes` (a string is taken as Latin-1, one byte per character). */
export function crc16Arc(bytes: Uint8Array | string): number {
  let crc = 0;
  if (typeof bytes === 'string') {
    for (let i = 0; i < bytes.length; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes.charCodeAt(i)) & 0xff]!;
  } else {
    for (const b of bytes) crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xff]!;
  }
  return crc;
}

/** A number as `width` uppercase hex digits, as DC-09 writes CRC and length. */
export function hex(value: number, width = 4): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}
