import { z } from 'zod';
import { epochSecondsSchema } from '../periods/periods-schema';
import { changeRequestSchema } from '../quote/change-request-schema';
import { quoteSchema } from '../quote/quote-schema';

/** The longest quote id: the token of a request with 20 add-ons, every id 64 characters, fits. */
export const QUOTE_ID_MAX_LENGTH = 4096;

/**
 * A quote's id: an opaque token (base64url parts joined by dots) signed by the server with what
 * the quote was priced from (docs/decisions/024); a few hundred characters for most requests.
 */
export const quoteIdSchema = z
  .string()
  .min(1)
  .max(QUOTE_ID_MAX_LENGTH)
  .meta({ description: 'An opaque signed token naming the quote; send it back as it came.' });

/** POST /api/quotes, GET /api/quotes/{id}: a quote under its id. */
export const quoteViewSchema = z
  .object({ id: quoteIdSchema, expiresAt: epochSecondsSchema, request: changeRequestSchema, quote: quoteSchema })
  .meta({ description: 'A quote: its id (a signed token), expiry, the request and the engine’s quote.' });
export type QuoteView = z.output<typeof quoteViewSchema>;
