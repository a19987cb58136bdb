/** The scenario the suite's requests act in (docs/decisions/018). */
export const E2E_SCENARIO = 'e2e';
