import type { Locale } from '@planshift/shared/account';

/** The receipt for an invoice the customer paid themselves (Pay now), in one language. */
export type ReceiptStrings = Readonly<{
  subject: (number: string) => string;
  /** The card charged: its network's name (null for a card of no known network) and last four; null when unknown. */
  intro: (amount: string, date: string, card: Card | null) => string;
  paid: (number: string) => string;
}>;

type Card = Readonly<{ brand: string | null; last4: string }>;

/** The card networks' names as customers know them, the same in every language. */
const BRANDS: Readonly<Record<string, string>> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express' };

/** The card as a receipt names it: the network when it has one, then its last four. */
export function receiptCard(card: Readonly<{ brand: string; last4: string }> | null): Card | null {
  return card && { brand: BRANDS[card.brand] ?? null, last4: card.last4 };
}

/** "Visa •••• 4242", or "•••• 4242" after a word for a card. */
const named = (card: Card, word: string) => `${card.brand ?? word} •••• ${card.last4}`;

/** The receipt's sentences per portal language; `satisfies` makes a missing one a compile error. */
export const RECEIPT_STRINGS = {
  en: {
    subject: (number) => `Receipt for your payment of invoice ${number}`,
    intro: (amount, date, card) =>
      `We received your payment of ${amount} on ${date}${card ? `, charged to your ${named(card, 'card')}` : ''}. Thank you.`,
    paid: (number) => `Invoice ${number} is paid. It is attached as a PDF file.`,
  },
  ro: {
    subject: (number) => `Chitanță pentru plata facturii ${number}`,
    intro: (amount, date, card) =>
      `Am primit plata dumneavoastră de ${amount} la ${date}${card ? `, debitată de pe cardul ${card.brand ? `${card.brand} ` : ''}•••• ${card.last4}` : ''}. Vă mulțumim.`,
    paid: (number) => `Factura ${number} este plătită. O găsiți atașată ca fișier PDF.`,
  },
  el: {
    subject: (number) => `Απόδειξη πληρωμής του τιμολογίου ${number}`,
    intro: (amount, date, card) =>
      `Λάβαμε την πληρωμή σας ύψους ${amount} στις ${date}${card ? `, με χρέωση της κάρτας σας ${card.brand ? `${card.brand} ` : ''}•••• ${card.last4}` : ''}. Σας ευχαριστούμε.`,
    paid: (number) => `Το τιμολόγιο ${number} έχει εξοφληθεί. Επισυνάπτεται ως αρχείο PDF.`,
  },
  fr: {
    subject: (number) => `Reçu de votre paiement de la facture ${number}`,
    intro: (amount, date, card) =>
      `Nous avons bien reçu votre paiement de ${amount} le ${date}${card ? `, débité de votre carte ${card.brand ? `${card.brand} ` : ''}•••• ${card.last4}` : ''}. Merci.`,
    paid: (number) => `La facture ${number} est réglée. Elle est jointe au format PDF.`,
  },
  it: {
    subject: (number) => `Ricevuta del pagamento della fattura ${number}`,
    intro: (amount, date, card) =>
      `Abbiamo ricevuto il suo pagamento di ${amount} il ${date}${card ? `, addebitato sulla sua carta ${card.brand ? `${card.brand} ` : ''}•••• ${card.last4}` : ''}. Grazie.`,
    paid: (number) => `La fattura ${number} è pagata. È allegata in formato PDF.`,
  },
  sv: {
    subject: (number) => `Kvitto på din betalning av faktura ${number}`,
    intro: (amount, date, card) =>
      `Vi har tagit emot din betalning på ${amount} den ${date}${card ? `, dragen från ditt kort ${card.brand ? `${card.brand} ` : ''}•••• ${card.last4}` : ''}. Tack.`,
    paid: (number) => `Faktura ${number} är betald. Den bifogas som PDF-fil.`,
  },
} as const satisfies Record<Locale, ReceiptStrings>;
