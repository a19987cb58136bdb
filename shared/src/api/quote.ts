import { z } from 'zod';
import { epochSecondsSchema } from '../periods/periods-schema';
import { changeRequestSchema } from '../quote/change-request-schema';
import { quoteSchema } from '../quote/quote-schema';

/** POST /api/quotes, GET /api/quotes/{id}: a stored quote. */
export const quoteViewSchema = z
  .object({ id: z.string(), expiresAt: epochSecondsSchema, request: changeRequestSchema, quote: quoteSchema })
  .meta({ description: 'A stored quote: its id, expiry, the request and the engine’s quote.' });
export type QuoteView = z.output<typeof quoteViewSchema>;
