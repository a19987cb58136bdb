/** What a person may do in an account: owners and billing admins manage billing, members only look. */
export const ROLES = ['owner', 'billing_admin', 'member'] as const;
export type Role = (typeof ROLES)[number];
