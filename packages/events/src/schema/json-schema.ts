import { z } from 'zod';
import { ATTRIBUTE_NAME_PATTERN } from './rules.js';
import { EVENT_DATASCHEMA_V1, WelfareEventSchema } from './v1.js';

/** A JSON Schema document (draft 2020-12) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of v1 events, generated from the zod schema and published as
 * `@omsorg/events/schema/v1.json` (its `$id` is the events' `dataschema`). It states every structural
 * rule; the rules across fields (kind in category, `type` and `alertKey` built from the payload)
 * are in its `description` and in docs/events/SPEC.md.
 */
export function eventJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(WelfareEventSchema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: EVENT_DATASCHEMA_V1,
    title: 'Omsorg welfare-technology event, v1',
    description:
      'A CloudEvents 1.0 event (JSON format, structured mode) of the Omsorg event standard v1. Rules across fields, not expressible here: data.kind belongs to data.category; type = "no.omsorg." + data.category + "." + data.kind + "." + data.lifecycle; data.alertKey = tenant + "/" + data.device.id + "/" + data.device.component + "/" + data.kind; subject never holds a national identity number. See docs/events/SPEC.md.',
    ...rest,
    propertyNames: { pattern: ATTRIBUTE_NAME_PATTERN.source },
  };
}
