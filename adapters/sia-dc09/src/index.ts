/**
 * `@omsorg/adapter-sia-dc09`: the SIA DC-09 adapter for the Omsorg event standard — frames
 * (CRC-16/ARC, length, AES-CBC), ACK/NAK/DUH/RSP replies, and SIA DC-03 and Contact ID codes mapped
 * to the standard's kinds and priorities.
 *
 * @packageDocumentation
 */
export * from './adapter.js';
export { sourceOf } from './events.js';
export { type CodeMeaning, meaningOfContactId, meaningOfSiaCode, VKP_ALERT_CODE } from './mapping.js';
export * from './options.js';
export * from './protocol/build.js';
export * from './protocol/contact-id.js';
export { crc16Arc, hex } from './protocol/crc.js';
export { type Dc09Key, decryptHex, derivedPad, encryptToHex, keyBytes, randomPad } from './protocol/crypto.js';
export * from './protocol/data.js';
export * from './protocol/frame.js';
export { type Dc09Issue, type Dc09IssueCode, type Dc09Mode, severityOf } from './protocol/issues.js';
export * from './protocol/reply.js';
export * from './protocol/stream.js';
export * from './protocol/timestamp.js';
export * from './tables/index.js';
