import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import { type CurrencyCode, isCurrencyCode, type Money } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { changeRequestSchema } from '@planshift/shared/quote';
import { z } from 'zod';

/**
 * A quote as its token carries it: what it was priced from and what it asked to pay
 * (docs/decisions/024). Nothing of it is stored; the token is its id.
 */
export type SignedQuote = Readonly<{
  /** The token itself: the quote's id on the wire and in an order. */
  id: string;
  accountId: string;
  subscriptionId: string;
  subscriptionVersion: number;
  /** The catalog and its version, `id@version`. */
  catalog: string;
  /** In canonical form (add-ons in id order). */
  request: ChangeRequest;
  /** The instant it was priced at (the quote's quotedAt). */
  quotedAt: Instant;
  expiresAt: Instant;
  dueNow: Money;
}>;

/** What is signed: everything but the token and the account, which the signature binds instead. */
export type QuoteClaims = Omit<SignedQuote, 'id' | 'accountId'>;

// The payload, positional to keep the token short: [format, subscription, version, catalog,
// quotedAt, expiresAt, due now, currency, plan, interval unit, interval count, quantity, add-ons],
// an add-on [id, quantity] or [id, quantity, unit, count].
const FORMAT = 1;
const payloadSchema = z.tuple([
  z.literal(FORMAT),
  z.string(),
  z.int(),
  z.string(),
  z.int(),
  z.int(),
  z.int(),
  z.string(),
  z.string(),
  z.string(),
  z.int(),
  z.int(),
  z.array(z.union([z.tuple([z.string(), z.int()]), z.tuple([z.string(), z.int(), z.string(), z.int()])])),
]);
type Payload = z.output<typeof payloadSchema>;

/**
 * Signs quotes into tokens and verifies them: `keyId.payload.signature`, the payload base64url
 * JSON and the signature an HMAC-SHA256 (base64url) over `keyId.payload` and the account id.
 *
 * The key is derived (HKDF) from the configured secret and the world (docs/decisions/018), never
 * from process randomness of its own: every instance configured with the same SESSION_SECRET
 * verifies every other's tokens, and a token made in one scenario's world is unknown in another.
 */
export class QuoteTokens {
  readonly #key: Buffer;
  readonly #keyId: string;

  constructor(secret: string, world: string | null) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'planshift', `quote-token\0${world ?? ''}`, 32));
    // Names the key without revealing it, so that a token signed with another key is told apart
    // before any signature is computed (and a rotation could accept a previous key by its id).
    this.#keyId = createHash('sha256').update(this.#key).digest('base64url').slice(0, 6);
  }

  sign(accountId: string, claims: QuoteClaims): SignedQuote {
    const payload = Buffer.from(JSON.stringify(toPayload(claims))).toString('base64url');
    const signed = `${this.#keyId}.${payload}`;
    return { ...claims, id: `${signed}.${this.#signature(signed, accountId)}`, accountId };
  }

  /**
   * The quote a token carries, if this system signed it for this account; null for anything
   * else (tampered, truncated, another account's, another key's), all alike, so that a caller
   * can answer them exactly as an unknown quote and learn nothing from the difference.
   */
  verify(token: string, accountId: string): SignedQuote | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== this.#keyId) return null;
    const signed = `${parts[0]}.${parts[1]}`;
    // Compared as text, not as decoded bytes: base64url's last character carries spare bits, so
    // two spellings decode alike, and only the one this system wrote is its token.
    const given = Buffer.from(parts[2] ?? '');
    const expected = Buffer.from(this.#signature(signed, accountId));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return readQuoteToken(token, accountId);
  }

  #signature(signed: string, accountId: string): string {
    // The account id follows a NUL, which base64url never holds: no two inputs read alike.
    return createHmac('sha256', this.#key).update(signed).update('\0').update(accountId).digest('base64url');
  }
}

/**
 * What a token carries, without checking its signature: only for a token this system verified
 * before storing it (an order's quote), so that a pending order is still priced after the secret
 * changed. Anything a client sends goes through `QuoteTokens.verify`.
 */
export function readQuoteToken(token: string, accountId: string): SignedQuote | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  let parsed: Payload;
  try {
    const result = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const claims = fromPayload(parsed);
  return claims && { ...claims, id: token, accountId };
}

function toPayload(q: QuoteClaims): Payload {
  const { request } = q;
  return [
    FORMAT,
    q.subscriptionId,
    q.subscriptionVersion,
    q.catalog,
    q.quotedAt,
    q.expiresAt,
    q.dueNow.amount,
    q.dueNow.currency,
    request.planId,
    request.interval.unit,
    request.interval.count,
    request.quantity,
    request.addOns.map((a) =>
      a.interval ? [a.addOnId, a.quantity, a.interval.unit, a.interval.count] : [a.addOnId, a.quantity],
    ),
  ];
}

function fromPayload(p: Payload): QuoteClaims | null {
  const [, subscriptionId, subscriptionVersion, catalog, quotedAt, expiresAt, due, currency, ...target] = p;
  const [planId, unit, count, quantity, addOns] = target;
  const request = changeRequestSchema.safeParse({
    planId,
    interval: { unit, count },
    quantity,
    addOns: addOns.map(([addOnId, addOnQuantity, addOnUnit, addOnCount]) =>
      addOnUnit === undefined
        ? { addOnId, quantity: addOnQuantity }
        : { addOnId, quantity: addOnQuantity, interval: { unit: addOnUnit, count: addOnCount } },
    ),
  });
  if (!request.success || !isCurrencyCode(currency)) return null;
  return {
    subscriptionId,
    subscriptionVersion,
    catalog,
    request: request.data,
    quotedAt,
    expiresAt,
    dueNow: { amount: due, currency: currency as CurrencyCode },
  };
}
