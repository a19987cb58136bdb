/** The portal's routes, in one place (router.tsx is the registry that maps them to screens). */
export const paths = {
  account: '/',
  signIn: '/sign-in',
  change: '/change',
  cancel: '/cancel',
  billingDetails: '/billing-details',
  contactSales: '/contact-sales',
} as const;

/** What the account page is told on arrival (router state): after a cancellation, until when it stays active. */
export type AccountArrival = Readonly<{ cancelledUntil?: number }>;

/** The Contact sales form, about one plan. */
export const contactSalesPath = (planId: string): string => `${paths.contactSales}?plan=${encodeURIComponent(planId)}`;

/** Where a request sent to sales is confirmed (a reload shows it again). */
export const salesRequestSentPath = (salesRequestId: string): string =>
  `${paths.contactSales}/sent/${encodeURIComponent(salesRequestId)}`;

/** A same-origin path to return to after signing in; anything else (`//evil.example`) goes home. */
export function safeReturnPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.account;
  return next;
}

export const signInPathFor = (returnTo: string): string =>
  returnTo === paths.account ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(returnTo)}`;
