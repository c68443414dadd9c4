import { z } from 'zod';

/**
 * Options of the SIA DC-09 adapter, passed as `DecodeContext.options`. Keys come from
 * `DecodeContext.keys`: account → key (`'*'` for every account), hex by default.
 */
export const SiaDc09OptionsSchema = z
  .object({
    /** Allowed distance of a frame's timestamp from `receivedAt`, in seconds (default 40 before, 20 after). */
    timestampWindow: z
      .object({ pastSeconds: z.number().min(0).max(86_400), futureSeconds: z.number().min(0).max(86_400) })
      .strict()
      .optional(),
    /** How the strings in `DecodeContext.keys` are written: `hex` (default) or `ascii` (16/24/32 characters, as panels are configured). */
    keyEncoding: z.enum(['hex', 'ascii']).optional(),
    /** Frames longer than this are refused unread (default 4096 bytes). */
    maxFrameBytes: z.number().int().min(64).max(1_048_576).optional(),
  })
  .strict();

/** Options of the SIA DC-09 adapter. */
export type SiaDc09Options = z.infer<typeof SiaDc09OptionsSchema>;
