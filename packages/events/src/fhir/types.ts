/** The few FHIR R4 data types the VKP export writes (JSON representation). */

/** FHIR Coding. */
export interface FhirCoding {
  /** Code system URL. */
  system: string;
  /** The code. */
  code: string;
  /** Display text. */
  display?: string;
}

/** FHIR CodeableConcept. */
export interface FhirCodeableConcept {
  /** Codings, most specific first. */
  coding?: FhirCoding[];
  /** Plain text. */
  text?: string;
}

/** FHIR Identifier. */
export interface FhirIdentifier {
  /** Namespace of the value. */
  system: string;
  /** The identifier. */
  value: string;
}

/** FHIR Reference (logical or literal). */
export interface FhirReference {
  /** Literal reference, e.g. `Patient/123`. */
  reference?: string;
  /** Logical reference by identifier (VKP's way for patients and practitioners). */
  identifier?: FhirIdentifier;
  /** Text for the reference. */
  display?: string;
}

/** FHIR Extension with a CodeableConcept or Reference value. */
export interface FhirExtension {
  /** Extension definition URL. */
  url: string;
  /** Coded value. */
  valueCodeableConcept?: FhirCodeableConcept;
  /** Reference value. */
  valueReference?: FhirReference;
}

/** FHIR Period. */
export interface FhirPeriod {
  /** Start (dateTime). */
  start?: string;
  /** End (dateTime). */
  end?: string;
}

/** Resource metadata. */
export interface FhirMeta {
  /** Profiles the resource claims to conform to. */
  profile?: string[];
}

/** FHIR R4 DetectedIssue (VKP profile vkp-DetectedIssue-v090): one alert. */
export interface FhirDetectedIssue {
  /** Always `DetectedIssue`. */
  resourceType: 'DetectedIssue';
  /** Logical id. */
  id: string;
  /** Profile claim. */
  meta: FhirMeta;
  /** Business identifiers (urn:uuid). */
  identifier: FhirIdentifier[];
  /** preliminary while open, final when resolved or expired, cancelled. */
  status: 'preliminary' | 'final' | 'cancelled';
  /** VKP alert code (vkp-alert-code-v090) and the Omsorg kind. */
  code: FhirCodeableConcept;
  /** high | moderate | low. */
  severity: 'high' | 'moderate' | 'low';
  /** The resident, when known. */
  patient?: FhirReference;
  /** When the condition happened. */
  identifiedDateTime: string;
  /** The device that reported it. */
  implicated: FhirReference[];
  /** Text. */
  detail?: string;
}

/** FHIR R4 Flag (VKP profile vkp-Flag-v090): an alert with the VKP severity level. */
export interface FhirFlag {
  /** Always `Flag`. */
  resourceType: 'Flag';
  /** Logical id. */
  id: string;
  /** Profile claim. */
  meta: FhirMeta;
  /** The VKP severity-level extension, and flag-detail pointing at the DetectedIssue. */
  extension: FhirExtension[];
  /** active while open, inactive when closed. */
  status: 'active' | 'inactive';
  /** Alert code and display text (VKP puts the text in code.text). */
  code: FhirCodeableConcept;
  /** The resident, or the location when no resident is known. */
  subject: FhirReference;
  /** Start = raised; end = closed. */
  period: FhirPeriod;
}

/** FHIR R4 Encounter (VKP profile vkp-Encounter-v090): the follow-up of an alert. */
export interface FhirEncounter {
  /** Always `Encounter`. */
  resourceType: 'Encounter';
  /** Logical id. */
  id: string;
  /** Profile claim. */
  meta: FhirMeta;
  /** urn:uuid identifier (VKP: system urn:ietf:rfc:3986). */
  identifier: FhirIdentifier[];
  /** in-progress or finished. */
  status: 'in-progress' | 'finished';
  /** v3-ActCode: VR (virtual) or HH (home health). */
  class: FhirCoding;
  /** The resident. */
  subject: FhirReference;
  /** Who followed up, with the VKP encounter mode as type. */
  participant: { type: FhirCodeableConcept[]; individual: FhirReference }[];
  /** When. */
  period: FhirPeriod;
  /** VKP encounter reason: 1 planlagt tilsyn, 2 hendelsesbasert tilsyn. */
  reasonCode: FhirCodeableConcept[];
  /** "room @ place". */
  location?: { location: FhirReference }[];
}

/** A FHIR resource this package writes. */
export type FhirResource = FhirDetectedIssue | FhirFlag | FhirEncounter;

/** FHIR R4 Bundle of type collection. */
export interface FhirBundle {
  /** Always `Bundle`. */
  resourceType: 'Bundle';
  /** collection. */
  type: 'collection';
  /** When assembled. */
  timestamp: string;
  /** Entries with their full URLs (urn:uuid). */
  entry: { fullUrl: string; resource: FhirResource }[];
}
