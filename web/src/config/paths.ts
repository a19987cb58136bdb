/** The portal's routes, in one place (router.tsx is the registry that maps them to screens). */
export const paths = {
  account: '/',
  signIn: '/sign-in',
  change: '/change',
  cancel: '/cancel',
  billingDetails: '/billing-details',
  contactSales: '/contact-sales',
  paymentMethods: '/payment-methods',
} as const;

/** What the account page is told on arrival (router state): after a cancellation, until when it stays active. */
export type AccountArrival = Readonly<{ cancelledUntil?: number }>;

/** The Contact sales form, about one plan. */
export const contactSalesPath = (planId: string): string => `${paths.contactSales}?plan=${encodeURIComponent(planId)}`;

/** Where a request sent to sales is confirmed (a reload shows it again). */
export const salesRequestSentPath = (salesRequestId: string): string =>
  `${paths.contactSales}/sent/${encodeURIComponent(salesRequestId)}`;

/** The query parameter a page finds on its return from the bank's page: the challenge just answered. */
export const AUTHENTICATED_PARAM = 'authenticated';

/** The bank's page of a challenge (the server's URL), told where to return once the customer has answered. */
export const bankPagePath = (challengeUrl: string, returnTo: string): string =>
  `${challengeUrl}?return=${encodeURIComponent(returnTo)}`;

/** Where the bank's page sends the customer back: the page they came from, told which challenge ended. */
export function returnFromBank(returnTo: string | null, challengeId: string): string {
  const url = new URL(safeReturnPath(returnTo), 'http://portal.invalid');
  url.searchParams.set(AUTHENTICATED_PARAM, challengeId);
  return `${url.pathname}${url.search}`;
}

/** A same-origin path to return to after signing in; anything else (`//evil.example`) goes home. */
export function safeReturnPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.account;
  return next;
}

export const signInPathFor = (returnTo: string): string =>
  returnTo === paths.account ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(returnTo)}`;
