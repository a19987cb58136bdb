import { z } from 'zod';
import { moneySchema } from '../money/money-schema';
import { cardBrandSchema } from '../payment-card/card-schema';
import { epochSecondsSchema } from '../periods/periods-schema';
import { readonlyArrayOf } from '../wire/readonly-array';

/** A card on file as the portal knows it: never its number or security code, only what identifies it to people. */
export const paymentMethodViewSchema = z
  .object({
    id: z.string(),
    brand: cardBrandSchema,
    last4: z.string(),
    expMonth: z.int(),
    expYear: z.int(),
    /** The card every charge goes to: changes, invoices, renewals. */
    isDefault: z.boolean(),
  })
  .meta({ id: 'PaymentMethod' });
export type PaymentMethodView = z.output<typeof paymentMethodViewSchema>;

/** GET /api/payment-methods: the cards on file, the default first, and whether this user may change them. */
export const paymentMethodsViewSchema = z
  .object({ paymentMethods: readonlyArrayOf(paymentMethodViewSchema), canManage: z.boolean() })
  .meta({ id: 'PaymentMethods' });
export type PaymentMethodsView = z.output<typeof paymentMethodsViewSchema>;

export const CHALLENGE_STATUSES = ['open', 'succeeded', 'failed', 'expired'] as const;

/**
 * A payment the card's bank wants the customer to authenticate (3-D Secure): what is being paid,
 * with which card, to whom, until when, and where the (simulated) bank's page is.
 */
export const paymentChallengeViewSchema = z
  .object({
    id: z.string(),
    /** The portal's page where the bank asks: open it, then come back. */
    url: z.string(),
    status: z.enum(CHALLENGE_STATUSES),
    /** What the payment is for: a confirmed change (an order) or an open invoice. */
    purpose: z.enum(['change', 'invoice']),
    invoiceId: z.string().nullable(),
    amount: moneySchema,
    card: z.object({ brand: cardBrandSchema, last4: z.string() }).nullable(),
    merchant: z.string(),
    /** After this instant of the system clock the challenge is abandoned and nothing is charged. */
    expiresAt: epochSecondsSchema,
  })
  .meta({ id: 'PaymentChallenge' });
export type PaymentChallengeView = z.output<typeof paymentChallengeViewSchema>;

/**
 * 202 of POST /api/changes and POST /api/invoices/{id}/pay: nothing is charged or changed until
 * the customer answers the bank; then the same request (same Idempotency-Key) gives the outcome.
 */
export const authenticationRequiredViewSchema = z
  .object({ status: z.literal('requires_action'), challenge: paymentChallengeViewSchema })
  .meta({ id: 'AuthenticationRequired' });
export type AuthenticationRequiredView = z.output<typeof authenticationRequiredViewSchema>;

/** POST /api/payment-challenges/{id}/approve or /fail: the customer's answer to the bank. */
export const challengeDecisionSchema = z.enum(['approve', 'fail']);
export type ChallengeDecision = z.output<typeof challengeDecisionSchema>;
