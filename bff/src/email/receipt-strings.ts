import type { Locale } from '@planshift/shared/account';

/** The receipt for an invoice the customer paid themselves (Pay now), in one language. */
export type ReceiptStrings = Readonly<{
  subject: (number: string) => string;
  /** "card" is the card's name and last four ("Visa •••• 4242"), or null when it is no longer known. */
  intro: (amount: string, date: string, card: string | null) => string;
  paid: (number: string) => string;
  /** The card networks' names as customers know them. */
  brands: Readonly<Record<string, string>>;
}>;

const BRANDS = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express' };

/** The receipt's sentences per portal language; `satisfies` makes a missing one a compile error. */
export const RECEIPT_STRINGS = {
  en: {
    subject: (number) => `Receipt for your payment of invoice ${number}`,
    intro: (amount, date, card) =>
      `We received your payment of ${amount} on ${date}${card ? `, charged to your ${card}` : ''}. Thank you.`,
    paid: (number) => `Invoice ${number} is paid. It is attached as a PDF file.`,
    brands: { ...BRANDS, card: 'card' },
  },
  ro: {
    subject: (number) => `Chitanță pentru plata facturii ${number}`,
    intro: (amount, date, card) =>
      `Am primit plata dumneavoastră de ${amount} la ${date}${card ? `, debitată de pe cardul ${card}` : ''}. Vă mulțumim.`,
    paid: (number) => `Factura ${number} este plătită. O găsiți atașată ca fișier PDF.`,
    brands: { ...BRANDS, card: 'card' },
  },
  el: {
    subject: (number) => `Απόδειξη πληρωμής του τιμολογίου ${number}`,
    intro: (amount, date, card) =>
      `Λάβαμε την πληρωμή σας ύψους ${amount} στις ${date}${card ? `, με χρέωση της κάρτας σας ${card}` : ''}. Σας ευχαριστούμε.`,
    paid: (number) => `Το τιμολόγιο ${number} έχει εξοφληθεί. Επισυνάπτεται ως αρχείο PDF.`,
    brands: { ...BRANDS, card: 'κάρτα' },
  },
  fr: {
    subject: (number) => `Reçu de votre paiement de la facture ${number}`,
    intro: (amount, date, card) =>
      `Nous avons bien reçu votre paiement de ${amount} le ${date}${card ? `, débité de votre carte ${card}` : ''}. Merci.`,
    paid: (number) => `La facture ${number} est réglée. Elle est jointe au format PDF.`,
    brands: { ...BRANDS, card: 'carte' },
  },
  it: {
    subject: (number) => `Ricevuta del pagamento della fattura ${number}`,
    intro: (amount, date, card) =>
      `Abbiamo ricevuto il suo pagamento di ${amount} il ${date}${card ? `, addebitato sulla sua carta ${card}` : ''}. Grazie.`,
    paid: (number) => `La fattura ${number} è pagata. È allegata in formato PDF.`,
    brands: { ...BRANDS, card: 'carta' },
  },
  sv: {
    subject: (number) => `Kvitto på din betalning av faktura ${number}`,
    intro: (amount, date, card) =>
      `Vi har tagit emot din betalning på ${amount} den ${date}${card ? `, dragen från ditt ${card}` : ''}. Tack.`,
    paid: (number) => `Faktura ${number} är betald. Den bifogas som PDF-fil.`,
    brands: { ...BRANDS, card: 'kort' },
  },
} as const satisfies Record<Locale, ReceiptStrings>;
