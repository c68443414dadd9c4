import type { QualificationSchema, TaskInput } from '@omsorg/domain';
import type { z } from 'zod';
import { type Catalogue, parseCatalogue } from './schema.js';

/**
 * Procedure qualifications of the default catalogue. Each lets a helsefagarbeider (or, where stated,
 * an assistent) do a task after training and sign-off; ids `insulin` and `catheter` match the sample
 * nursing home.
 */
const QUALIFICATIONS: z.input<typeof QualificationSchema>[] = [
  { id: 'medication', name: { nb: 'Legemiddelhåndtering (delegert)', en: 'Medication handling (delegated)' }, description: 'Utdeling av ferdig istandgjorte legemidler etter opplæring' },
  { id: 'insulin', name: { nb: 'Insulinadministrering', en: 'Insulin administration' } },
  { id: 'injection', name: { nb: 'Subkutan injeksjon', en: 'Subcutaneous injection' } },
  { id: 'catheter', name: { nb: 'Kateterisering', en: 'Catheterisation' } },
  { id: 'blood-glucose', name: { nb: 'Blodsukkermåling', en: 'Blood glucose measurement' } },
  { id: 'vital-signs', name: { nb: 'Måling av vitale tegn (NEWS2)', en: 'Vital signs (NEWS2)' } },
  { id: 'compression', name: { nb: 'Kompresjonsbehandling', en: 'Compression therapy' } },
];

/** Tasks of the default catalogue, grouped by category; durations are typical minutes per occurrence. */
const TASKS: TaskInput[] = [
  // helsefaglige oppgaver (health-professional)
  { id: 'medication-preparation', name: { nb: 'Istandgjøring av legemidler (dosett)', en: 'Medication preparation (dosette)' }, category: 'healthProfessional', minRole: 'nurse', typicalDurationMinutes: 20 },
  {
    id: 'medication-administration',
    name: { nb: 'Utdeling av legemidler', en: 'Medication administration' },
    category: 'healthProfessional',
    minRole: 'nurse',
    qualificationId: 'medication',
    delegable: true,
    delegableTo: 'healthWorker',
    typicalDurationMinutes: 10,
  },
  { id: 'eye-drops', name: { nb: 'Øyedråper og salver', en: 'Eye drops and ointments' }, category: 'healthProfessional', minRole: 'nurse', qualificationId: 'medication', delegable: true, delegableTo: 'healthWorker', typicalDurationMinutes: 5 },
  { id: 'insulin', name: { nb: 'Insulininjeksjon', en: 'Insulin injection' }, category: 'healthProfessional', minRole: 'nurse', qualificationId: 'insulin', delegable: true, delegableTo: 'healthWorker', typicalDurationMinutes: 10 },
  {
    id: 'subcutaneous-injection',
    name: { nb: 'Subkutan injeksjon (f.eks. blodfortynnende)', en: 'Subcutaneous injection (e.g. anticoagulant)' },
    category: 'healthProfessional',
    minRole: 'nurse',
    qualificationId: 'injection',
    delegable: true,
    delegableTo: 'healthWorker',
    typicalDurationMinutes: 10,
  },
  { id: 'intravenous-treatment', name: { nb: 'Intravenøs behandling', en: 'Intravenous treatment' }, category: 'healthProfessional', minRole: 'nurse', typicalDurationMinutes: 30 },
  { id: 'catheterisation', name: { nb: 'Kateterisering', en: 'Catheterisation' }, category: 'healthProfessional', minRole: 'nurse', qualificationId: 'catheter', delegable: true, delegableTo: 'healthWorker', typicalDurationMinutes: 20 },
  { id: 'catheter-care', name: { nb: 'Kateterstell og tømming av urinpose', en: 'Catheter care and emptying the urine bag' }, category: 'healthProfessional', minRole: 'healthWorker', typicalDurationMinutes: 10 },
  { id: 'wound-care-complex', name: { nb: 'Sårstell, komplisert sår', en: 'Wound care, complex wound' }, category: 'healthProfessional', minRole: 'nurse', typicalDurationMinutes: 30 },
  { id: 'wound-care-simple', name: { nb: 'Sårstell, enkelt sår og bandasjeskift', en: 'Wound care, simple wound and dressing change' }, category: 'healthProfessional', minRole: 'healthWorker', typicalDurationMinutes: 15 },
  { id: 'stoma-care', name: { nb: 'Stomistell', en: 'Stoma care' }, category: 'healthProfessional', minRole: 'healthWorker', typicalDurationMinutes: 20 },
  { id: 'vital-signs', name: { nb: 'Måling av vitale tegn (NEWS2)', en: 'Vital signs (NEWS2)' }, category: 'healthProfessional', minRole: 'healthWorker', qualificationId: 'vital-signs', delegable: true, delegableTo: 'assistant', typicalDurationMinutes: 10 },
  { id: 'blood-glucose', name: { nb: 'Blodsukkermåling', en: 'Blood glucose measurement' }, category: 'healthProfessional', minRole: 'healthWorker', qualificationId: 'blood-glucose', delegable: true, delegableTo: 'assistant', typicalDurationMinutes: 5 },
  { id: 'compression-stockings', name: { nb: 'Påsetting av kompresjonsstrømper', en: 'Putting on compression stockings' }, category: 'healthProfessional', minRole: 'healthWorker', qualificationId: 'compression', delegable: true, delegableTo: 'assistant', typicalDurationMinutes: 10 },
  { id: 'clinical-assessment', name: { nb: 'Klinisk vurdering ved endret tilstand', en: 'Clinical assessment on a change in condition' }, category: 'healthProfessional', minRole: 'nurse', typicalDurationMinutes: 20 },
  { id: 'palliative-care', name: { nb: 'Lindrende behandling og omsorg ved livets slutt', en: 'Palliative and end-of-life care' }, category: 'healthProfessional', minRole: 'nurse', typicalDurationMinutes: 30 },
  { id: 'behaviour-support', name: { nb: 'Miljøterapeutiske tiltak', en: 'Therapeutic environment measures' }, category: 'healthProfessional', minRole: 'socialEducator', typicalDurationMinutes: 30 },
  { id: 'care-documentation', name: { nb: 'Dokumentasjon i journal (EPJ)', en: 'Care record documentation (EHR)' }, category: 'healthProfessional', minRole: 'assistant', typicalDurationMinutes: 10 },
  // praktisk bistand og personlig stell (practical)
  { id: 'morning-care', name: { nb: 'Morgenstell', en: 'Morning personal care' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 30 },
  { id: 'evening-care', name: { nb: 'Kveldsstell', en: 'Evening personal care' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 20 },
  { id: 'shower', name: { nb: 'Dusj', en: 'Shower' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 30 },
  { id: 'toileting', name: { nb: 'Toalettbesøk og inkontinenshjelp', en: 'Toileting and continence care' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 10 },
  { id: 'mobilisation', name: { nb: 'Forflytning og mobilisering', en: 'Transfers and mobilisation' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 10 },
  { id: 'meal-assistance', name: { nb: 'Hjelp ved måltid', en: 'Help with meals' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 20 },
  { id: 'night-check', name: { nb: 'Tilsyn', en: 'Supervision round' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 5 },
  { id: 'escort', name: { nb: 'Følge til lege, frisør eller aktivitet', en: 'Escort to doctor, hairdresser or activity' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 60 },
  // ikke-helsefaglige oppgaver (non-health)
  { id: 'meal-preparation', name: { nb: 'Matlaging og servering', en: 'Meal preparation and serving' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 20 },
  { id: 'dishwashing', name: { nb: 'Oppvask og rydding etter måltid', en: 'Washing up after meals' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 15 },
  { id: 'cleaning', name: { nb: 'Rengjøring', en: 'Cleaning' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 30 },
  { id: 'laundry', name: { nb: 'Klesvask', en: 'Laundry' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 20 },
  { id: 'bed-making', name: { nb: 'Sengeoppredning og sengeskift', en: 'Bed making and changing sheets' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 10 },
  { id: 'shopping', name: { nb: 'Innkjøp', en: 'Shopping' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 30 },
  { id: 'social-activity', name: { nb: 'Aktivisering og sosialt samvær', en: 'Activities and social time' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 30 },
];

/**
 * The default task catalogue (oppgavekatalog): 33 tasks in three categories — helsefaglige
 * (medication, insulin, injections, catheter, wound care, vital signs, …), praktisk bistand (personal
 * care, meals, transfers, escort) and ikke-helsefaglige (cleaning, laundry, meals, shopping) — with the
 * lowest role for each and seven delegable procedure qualifications. Returns a fresh copy that a
 * municipality edits (see {@link editCatalogue}).
 */
export function defaultCatalogue(): Catalogue {
  return parseCatalogue({ id: 'omsorg-default', qualifications: structuredClone(QUALIFICATIONS), tasks: structuredClone(TASKS) });
}
