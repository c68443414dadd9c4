/**
 * VKP (Velferdsteknologisk knutepunkt) FHIR R4 code systems, v0.9.0, copied from the national profiles.
 *
 * Source: github.com/HL7Norway/Velferdsteknologi, VKP-R4/CodeSystem/*.codesystem.xml, commit 9d28b9e1c8f552c6773e2774b29d4804bae1026d.
 * No LICENSE file in the repository; these are published national FHIR CodeSystems (status draft, v0.9.0) from the Norwegian VKP profiles - treat as public reference data, cite the source, verify against simplifier.net VKP-R4 before relying on them.
 * Copied from /work/shared/vectors/vkp/vkp_r4_codesystems.json; only the systems the FHIR export uses.
 */
/** One concept of a VKP code system. */
export interface VkpConcept {
  /** The code. */
  code: string;
  /** Norwegian display text. */
  display: string;
  /** Norwegian definition, when the code system gives one. */
  definition?: string;
}
/** A VKP code system: its canonical URL and concepts. */
export interface VkpCodeSystem {
  /** Canonical URL (the `system` of a Coding). */
  url: string;
  /** Every concept, in the code system's order. */
  concepts: readonly VkpConcept[];
}
/** vkp-alert-code-v090: alert codes (varselkoder) for DetectedIssue.code. */
export const VKP_ALERT_CODES: VkpCodeSystem = {
  url: "http://ehelse.no/fhir/CodeSystem/vkp-alert-code-v090",
  concepts: [
    {"code": "1", "display": "Elektronisk medisineringsstøtte", "definition": "Avvikssituasjon ved bruk av medisindispenser"},
    {"code": "1.1", "display": "Ikke utlevert", "definition": "Medisin ikke utlevert: Medisinen ble ikke utlevert til planlagt tid"},
    {"code": "1.2", "display": "Utlevering forhindret av medisinmangel", "definition": "Medisin ikke utlevert: Medisinen ble ikke utlevert til planlagt tid fordi det var tomt for medisin i medisindispenseren"},
    {"code": "1.3", "display": "Mangler utleveringsbekreftelse", "definition": "Medisin ikke utlevert: Usikkert om medisinen ble utlevert til planlagt tid, ikke mottatt utleveringsbekreftelse"},
    {"code": "1.4", "display": "Melding ikke lest", "definition": "Medisin ikke utlevert: Melding på medisindispenser ble ikke kvittert ut av bruker"},
    {"code": "1.5", "display": "Teknisk feil", "definition": "Utmating stanset: Teknisk feil på medisindispenser"},
    {"code": "1.6", "display": "Pose ikke lest", "definition": "Utmating stanset: Medisindispenseren har ikke klart å lese medisinposen"},
    {"code": "1.7", "display": "Feil ved rull", "definition": "Utmating stanset: Feil ved multidoserullen"},
    {"code": "1.8", "display": "Rull sitter fast", "definition": "Utmating stanset: Multidoserullen sitter fast i medisindispenseren"},
    {"code": "1.9", "display": "Full skuff", "definition": "Utmating stanset: Skuffen for utelatte medisiner er full"},
    {"code": "1.10", "display": "Medisin venter", "definition": "Medisin og medisinplan: Medisin venter"},
    {"code": "1.11", "display": "Mangler tilstrekkelig mengde medisin", "definition": "Medisin og medisinplan: Medisindispenseren har ikke nok medisiner til planlagt reise"},
    {"code": "1.12", "display": "Snart tomt for medisin", "definition": "Medisin og medisinplan: Medisindispenseren har få doser igjen"},
    {"code": "1.13", "display": "Tomt for medisin", "definition": "Medisin og medisinplan: Medisindispenseren er tom for medisin"},
    {"code": "1.14", "display": "Mangler tidsplan", "definition": "Medisin og medisinplan: Medisindispenseren har ingen tidsplan for medisinering"},
    {"code": "1.15", "display": "Endringskontroll av medisinplan", "definition": "Medisin og medisinplan: Kontroll av medisinplan etter endring fra apoteket"},
    {"code": "1.16", "display": "Rull behandlet", "definition": "Medisin og medisinplan: Medisinposer fjernet, ny multidoserull satt inn eller medisinering endret manuelt i medisindispenseren"},
    {"code": "1.17", "display": "Batteri lavt", "definition": "Teknisk varsel: Batteriet i medisindispenseren er i ferd med å gå tomt"},
    {"code": "1.18", "display": "Batteri tomt", "definition": "Teknisk varsel: Tomt for batteri, systemet har slått av medisindispenseren"},
    {"code": "1.19", "display": "Ikke tilkoblet strøm", "definition": "Teknisk varsel: Medisindispenseren er ikke tilkoblet strøm"},
    {"code": "1.20", "display": "Ingen kontakt", "definition": "Teknisk varsel: Ingen kontakt med medisindispenseren"},
    {"code": "1.21", "display": "Dispenser åpen", "definition": "Teknisk varsel: Medisindispenseren er åpen"},
    {"code": "1.22", "display": "Innbrudd", "definition": "Teknisk varsel: Medisindispenseren har registrert ulovlig forsøk på åpning"},
    {"code": "1.23", "display": "Dosett feilplassert", "definition": "Teknisk varsel: Dosetten ligger på skrå eller opp-ned"},
    {"code": "2", "display": "Lokaliseringsteknologi", "definition": "Varsler fra lokaliseringsteknologi (GPS)"},
    {"code": "3", "display": "Trygghetsalarm", "definition": "Varsler fra trygghetsalarm"},
    {"code": "4", "display": "Digitalt tilsyn", "definition": "Varsler tilknyttet digitalt tilsyn"},
    {"code": "4.1", "display": "Fall", "definition": "Fall observert"},
    {"code": "4.2", "display": "Forlatt sengen", "definition": "Person har forlatt sengen"},
    {"code": "4.3", "display": "Satt seg opp seng", "definition": "Person har satt seg opp i sengen"},
    {"code": "4.4", "display": "Reist seg fra stol", "definition": "Person har reist seg fra stolen"},
    {"code": "4.5", "display": "Kommet inn rom", "definition": "Person har gått inn i rommet"},
    {"code": "4.6", "display": "Forlatt rom", "definition": "Person har forlatt rommet"},
    {"code": "4.7", "display": "Uventet langt opphold", "definition": "Har vært lenge borte fra rommet"},
    {"code": "4.8", "display": "Aktivitet rom", "definition": "Aktivitet i rommet"},
    {"code": "4.9", "display": "Inaktivitet", "definition": "Inaktivitet"},
    {"code": "4.10", "display": "Høyt lydnivå", "definition": "Høyt lydnivå i rommet"},
    {"code": "4.11", "display": "Brannalarm", "definition": "Brannalarm"},
    {"code": "4.12", "display": "Fravær", "definition": "Det er ikke registrert person i rommet på et tidspunkt hvor det skal være person i rommet"},
    {"code": "4.13", "display": "Knappetrykk", "definition": "Person har trykket på knappen"},
    {"code": "4.14", "display": "Snortrekk", "definition": "Person har trukket i snoren"},
    {"code": "4.15", "display": "Dør åpnet", "definition": "Døren har blitt åpnet"},
    {"code": "4.16", "display": "Dør lukket", "definition": "Døren har blitt lukket"},
    {"code": "4.17", "display": "Vannalarm", "definition": "Vann er detektert, mulig lekkasje"},
    {"code": "4.18", "display": "Bevegelse", "definition": "Uventet bevegelse registrert"},
    {"code": "4.19", "display": "Manglende bevegelse", "definition": "Ingen bevegelse registrert når bevegelse var forventet"},
    {"code": "4.20", "display": "Lagt seg seng", "definition": "Person har lagt seg i seng"},
    {"code": "4.21", "display": "Forlatt bolig", "definition": "Person har forlatt boligen"},
    {"code": "4.22", "display": "Mislykket brukeranrop", "definition": "Mislykket brukeranrop"},
    {"code": "4.23", "display": "Inaktivitet bad", "definition": "Uventet langt opphold på badet"},
    {"code": "4.24", "display": "Epilepsi", "definition": "Epilepsi"},
    {"code": "4.25", "display": "Hendelsesbasert kameratilsyn", "definition": "Hendelsesbasert digitalt tilsyn - kamera"},
    {"code": "4.26", "display": "Planlagt kameratilsyn", "definition": "Planlagt digitalt tilsyn - kamera"},
    {"code": "5", "display": "Digital hjemmeoppfølging", "definition": "Varsel ved digital hjemmeoppfølging"},
    {"code": "5.1", "display": "Oppsummerende varsel", "definition": "Varsel som dekker flere undervarsler"},
    {"code": "5.2", "display": "Handling utført", "definition": "Handling utført"},
    {"code": "5.2.1", "display": "Måledata rapportert", "definition": "Måledata rapportert"},
    {"code": "5.2.2", "display": "Skjemabesvarelse", "definition": "Skjemabesvarelse"},
    {"code": "5.2.3", "display": "Annen handling utført", "definition": "Annen handling utført"},
    {"code": "5.3", "display": "Inaktiv pasient", "definition": "Inaktiv pasient"},
    {"code": "5.3.1", "display": "Manglende skjemabesvarelse", "definition": "Manglende skjemabesvarelse"},
    {"code": "5.3.2", "display": "Måling ikke rapportert", "definition": "Måling ikke rapportert"},
    {"code": "6", "display": "Elektronisk dørlås", "definition": "Varsel fra elektronisk dørlås"},
    {"code": "7", "display": "Sykesignalanlegg", "definition": "Varsel fra sykesignalanlegg"},
    {"code": "7.1", "display": "Inkontinens", "definition": "Inkontinens"},
  ],
};

/** vkp-severity-level-v090: 0 ikke rapportert, 10 normal, 20 moderat, 30 alvorlig, 40 kritisk. */
export const VKP_SEVERITY_LEVELS: VkpCodeSystem = {
  url: "http://ehelse.no/fhir/CodeSystem/vkp-severity-level-v090",
  concepts: [
    {"code": "0", "display": "Ikke rapportert", "definition": "Alvorlighetsgraden er ikke rapportert eller ikke relevant"},
    {"code": "10", "display": "Normal", "definition": "Normal/lav alvorlighetsgrad."},
    {"code": "20", "display": "Moderat", "definition": "Moderat alvorlighetsgrad."},
    {"code": "30", "display": "Alvorlig", "definition": "Høy alvorlighetsgrad."},
    {"code": "40", "display": "Kritisk", "definition": "Kritisk alvorlighetsgrad."},
  ],
};

/** vkp-encounter-reason-v090: 1 planlagt tilsyn, 2 hendelsesbasert tilsyn. */
export const VKP_ENCOUNTER_REASONS: VkpCodeSystem = {
  url: "http://ehelse.no/fhir/CodeSystem/vkp-encounter-reason-v090",
  concepts: [
    {"code": "1", "display": "planlagt tilsyn", "definition": "Planlagt tilsyn"},
    {"code": "2", "display": "hendelsesbasert tilsyn", "definition": "Hendelsesbasert tilsyn"},
  ],
};

/** vkp-encounter-mode-v090: how a digital encounter was done (image, two-way voice, listening). */
export const VKP_ENCOUNTER_MODES: VkpCodeSystem = {
  url: "http://ehelse.no/fhir/CodeSystem/vkp-encounter-mode-v090",
  concepts: [
    {"code": "0", "display": "bildetilsyn anonymisert", "definition": "Anonymisert bildebasert tilsyn"},
    {"code": "1", "display": "bildetilsyn", "definition": "Bildebasert tilsyn"},
    {"code": "2", "display": "toveis tale", "definition": "Toveis tale"},
    {"code": "3", "display": "innlytt anonymisert", "definition": "Anonymisert innlytt"},
    {"code": "4", "display": "innlytt", "definition": "Innlytt"},
  ],
};
