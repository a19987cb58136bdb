import { z } from 'zod';
import type { ApiErrorCode } from '../api/error-codes';
import type { SameShape } from '../wire/same-shape';
import type { BillingDetails } from './billing-details';
import { COUNTRY_CODES } from './countries';
import { checkTaxId } from './tax-id';

/** Trimmed text of a length: what a person types in a form field. */
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const countryCodeSchema = z
  .enum(COUNTRY_CODES)
  .meta({ description: 'ISO 3166-1 alpha-2 country code, upper case.' });

const billingAddressObject = z.strictObject({
  line1: text(1, 200),
  line2: text(0, 200),
  city: text(1, 100),
  postalCode: text(0, 20),
  region: text(0, 100).meta({ description: 'State, province or county, where addresses have one.' }),
  country: countryCodeSchema,
});

const billingDetailsObject = z.strictObject({
  name: text(1, 200),
  address: billingAddressObject,
  taxId: z
    .string()
    .max(40)
    .nullable()
    .meta({ description: 'VAT or tax ID; an EU VAT number must match its country’s format. Null or empty: none.' }),
  email: z.email().max(254).meta({ description: 'Where the account’s invoices and credit notes are e-mailed.' }),
});

/** The error code a tax ID that does not fit its country answers with (a code of the API's list). */
export const TAX_ID_INVALID = 'tax_id_invalid' satisfies ApiErrorCode;

/**
 * PUT /api/billing-details: the details as a person enters them. A VAT number is checked against
 * the billing country's format once the country itself is valid.
 */
export const billingDetailsInputSchema = billingDetailsObject.superRefine(
  (details, ctx) => {
    const taxId = details.taxId?.trim();
    if (!taxId) return;
    const check = checkTaxId(details.address.country, taxId);
    if (!check.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['taxId'],
        message: check.example
          ? `Not a VAT number of ${details.address.country}: write it like ${check.example}.`
          : 'Not a tax ID: letters and digits, 3 to 40 characters.',
        params: { code: TAX_ID_INVALID, example: check.example },
      });
    }
  },
  {
    // Also when other fields are wrong, so every field at fault is answered at once; but only on
    // an object whose country and tax ID are themselves well-formed.
    when: ({ value, issues }) =>
      typeof value === 'object' &&
      value !== null &&
      !issues.some((issue) => ['taxId', 'address'].includes(String(issue.path?.[0] ?? ''))),
  },
);
export type BillingDetailsInput = z.output<typeof billingDetailsInputSchema>;

/** The details as stored and shown (the tax ID compact and prefixed, or null). */
export const billingDetailsSchema = z.object({
  name: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    postalCode: z.string(),
    region: z.string(),
    country: countryCodeSchema,
  }),
  taxId: z.string().nullable(),
  email: z.string(),
});
const _details: SameShape<typeof billingDetailsSchema, BillingDetails> = true;

/** What a valid input is stored as: the tax ID in its compact, prefixed form, or null for none. */
export function toBillingDetails(input: BillingDetailsInput): BillingDetails {
  const taxId = input.taxId?.trim();
  const check = taxId ? checkTaxId(input.address.country, taxId) : null;
  if (check && !check.ok) throw new Error('toBillingDetails takes input the schema accepted');
  return { name: input.name, address: input.address, taxId: check?.taxId ?? null, email: input.email };
}
