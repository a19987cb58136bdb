// Kept apart from qa.ts and free of zod, as error-codes.ts is: the SPA sends the header, and
// importing a value from qa.ts would bundle its schemas.

/** The header that makes a request act in a scenario (as Stripe-Account acts for a connected account). */
export const SCENARIO_HEADER = 'Planshift-Scenario';
/** The cookie a browser signed in to a scenario keeps: its requests act in that scenario. */
export const SCENARIO_COOKIE = 'planshift_scenario';
