/**
 * The code tables this adapter maps from (see README.md in this folder for sources and licences).
 */

import contactIdCodesJson from './contact-id-codes.json';
import contactIdToSiaJson from './contact-id-to-sia.json';
import xdataJson from './dc09-xdata-fields.json';
import siaCodesJson from './sia-dc03-codes.json';

/** One SIA DC-03 event code from the table. */
export interface SiaCodeInfo {
  /** Two letters, e.g. `MA`. */
  code: string;
  /** Short name, e.g. `Medical Alarm`. */
  type: string;
  /** What the number after the code is: `Zone or point`, `User number`, `Unused`, … */
  concerns: string;
  /** One sentence about the event. */
  description: string;
}

/** Category of a Contact ID code, from its first digit. */
export type ContactIdCategory = 'alarm' | 'supervisory' | 'trouble' | 'open_close_access' | 'bypass_disable' | 'test_misc';

/** One Contact ID event code from the table. */
export interface ContactIdCodeInfo {
  /** Three digits, e.g. `101`. */
  code: string;
  /** Short name, e.g. `Personal Emergency`. */
  description: string;
  /** Category from the first digit. */
  category: ContactIdCategory;
}

const siaCodes: Readonly<Record<string, SiaCodeInfo>> = siaCodesJson.codes;
const cidCodes = contactIdCodesJson.codes as Readonly<Record<string, { description: string; category: ContactIdCategory }>>;
const cidToSia: Readonly<Record<string, Readonly<Record<string, string>>>> = contactIdToSiaJson.mapping;

/** The SIA DC-03 table entry of a two-letter code, or undefined. */
export function siaCodeInfo(code: string): SiaCodeInfo | undefined {
  return Object.hasOwn(siaCodes, code) ? siaCodes[code] : undefined;
}

/** The Contact ID table entry of a three-digit event code, or undefined. */
export function contactIdCodeInfo(event: string): ContactIdCodeInfo | undefined {
  if (!Object.hasOwn(cidCodes, event)) return undefined;
  const entry = cidCodes[event]!;
  return { code: event, description: entry.description, category: entry.category };
}

/** The SIA code a Contact ID event maps to for its qualifier (`1` new, `3` restore; `6` reads as `1`), or undefined. */
export function contactIdToSia(event: string, qualifier: string): string | undefined {
  if (!Object.hasOwn(cidToSia, event)) return undefined;
  const byQualifier = cidToSia[event]!;
  const q = qualifier === '6' ? '1' : qualifier;
  return Object.hasOwn(byQualifier, q) ? byQualifier[q] : undefined;
}

/** Every SIA code in the table (for tests and documentation). */
export const SIA_CODES: readonly string[] = Object.keys(siaCodes);
/** Every Contact ID event code in the table. */
export const CONTACT_ID_CODES: readonly string[] = Object.keys(cidCodes);

/** One DC-09 extended-data field (`[X…]`) from the table. */
export interface XdataFieldInfo {
  /** The identifier letter, e.g. `X`. */
  identifier: string;
  /** Name, e.g. `Longitude`. */
  name: string;
  /** What it carries. */
  description: string;
  /** Character set: `ASCII` or `Win1252`. */
  characters: string;
  /** Nominal maximum length (senders exceed it; not enforced). */
  length: number;
}

const xdataFields: Readonly<Record<string, XdataFieldInfo>> = xdataJson.xdata;

/** The table entry of an extended-data identifier, or undefined. */
export function xdataFieldInfo(identifier: string): XdataFieldInfo | undefined {
  return Object.hasOwn(xdataFields, identifier) ? xdataFields[identifier] : undefined;
}

/** Every extended-data identifier in the table. */
export const XDATA_IDENTIFIERS: readonly string[] = Object.keys(xdataFields);
