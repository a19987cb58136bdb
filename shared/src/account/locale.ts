/** The portal's languages: English, Romanian, Greek, French, Italian and Swedish. */
export const LOCALES = ['en', 'ro', 'el', 'fr', 'it', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];
