import { z } from 'zod';
import { IdSchema } from './primitives.js';

/** A municipality (kommune). `number` is the four-digit kommunenummer. */
export const MunicipalitySchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  number: z.string().regex(/^\d{4}$/, 'kommunenummer has four digits').optional(),
});
/** A municipality (kommune). */
export type Municipality = z.infer<typeof MunicipalitySchema>;

/** Kind of care unit: sykehjem (nursing home), hjemmetjeneste (home care), korttidsavdeling (short-term ward). */
export const UnitKindSchema = z.enum(['nursingHome', 'homeCare', 'shortTermWard']);

/** A care unit run by a municipality. */
export const UnitSchema = z.object({
  id: IdSchema,
  municipalityId: IdSchema.optional(),
  name: z.string().min(1),
  kind: UnitKindSchema,
});
/** A care unit (sykehjem, hjemmetjeneste, korttidsavdeling). */
export type Unit = z.infer<typeof UnitSchema>;

/** A ward (avdeling) of a unit, with its number of residents (beds in use). */
export const WardSchema = z.object({
  id: IdSchema,
  unitId: IdSchema,
  name: z.string().min(1),
  residents: z.number().int().min(0).optional(),
});
/** A ward (avdeling). */
export type Ward = z.infer<typeof WardSchema>;

/** A team within a unit; in home care usually a soneteam (zone team) serving one area. */
export const TeamSchema = z.object({
  id: IdSchema,
  unitId: IdSchema,
  name: z.string().min(1),
  kind: z.enum(['zoneTeam', 'wardTeam', 'other']).default('zoneTeam'),
});
/** A team (soneteam = zone team). */
export type Team = z.infer<typeof TeamSchema>;
