import type { Locale } from '@planshift/shared/account';

/** Words for a count, chosen with Intl.PluralRules; '#' stands for the number. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** Every word an issued invoice or credit note prints, in one language. */
export type DocumentLabels = Readonly<{
  invoice: string;
  creditNote: string;
  reasonChange: string;
  reasonRenewal: string;
  issued: string;
  currency: string;
  relatedInvoice: string;
  relatedCreditNote: string;
  seller: string;
  customer: string;
  vatId: string;
  /** A customer's tax ID outside the EU, where it is no VAT number. */
  taxId: string;
  email: string;
  description: string;
  period: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  total: string;
  creditNoteApplied: string;
  creditBalanceApplied: string;
  amountDue: string;
  amountPaid: string;
  balanceRemaining: string;
  paid: string;
  appliedToInvoice: string;
  addedToCreditBalance: string;
  forfeited: string;
  /** Prefixes a line's item name; `{item}` is replaced. */
  unusedTimeOn: string;
  remainingTimeOn: string;
  seats: PluralForms;
  capped: string;
  /** `{email}` is replaced with the seller's address. */
  footer: string;
  /** A labelled value, e.g. "Currency: EUR"; French puts a space before the colon. */
  field: string;
}>;

/** The document words per portal language; `satisfies` makes a missing label a compile error. */
export const DOCUMENT_LABELS = {
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    reasonChange: 'Subscription change',
    reasonRenewal: 'Subscription renewal',
    issued: 'Issue date',
    currency: 'Currency',
    relatedInvoice: 'Related invoice',
    relatedCreditNote: 'Related credit note',
    seller: 'From',
    customer: 'Billed to',
    vatId: 'VAT ID',
    taxId: 'Tax ID',
    email: 'Email',
    description: 'Description',
    period: 'Period covered',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    total: 'Total',
    creditNoteApplied: 'Credit note applied',
    creditBalanceApplied: 'Credit balance applied',
    amountDue: 'Amount due',
    amountPaid: 'Amount paid',
    balanceRemaining: 'Balance remaining',
    paid: 'Paid',
    appliedToInvoice: 'Applied to invoice',
    addedToCreditBalance: 'Added to credit balance',
    forfeited: 'Forfeited',
    unusedTimeOn: 'Unused time on {item}',
    remainingTimeOn: 'Remaining time on {item}',
    seats: { one: '# seat', other: '# seats' },
    capped: 'Credit limited to the amount billed for this item.',
    footer: 'Questions about this document? Write to {email}.',
    field: '{label}: {value}',
  },
  ro: {
    invoice: 'Factură',
    creditNote: 'Notă de credit',
    reasonChange: 'Modificarea abonamentului',
    reasonRenewal: 'Reînnoirea abonamentului',
    issued: 'Data emiterii',
    currency: 'Monedă',
    relatedInvoice: 'Factura asociată',
    relatedCreditNote: 'Nota de credit asociată',
    seller: 'Furnizor',
    customer: 'Client',
    vatId: 'Cod de TVA',
    taxId: 'Cod fiscal',
    email: 'E-mail',
    description: 'Descriere',
    period: 'Perioada acoperită',
    quantity: 'Cant.',
    unitPrice: 'Preț unitar',
    amount: 'Sumă',
    total: 'Total',
    creditNoteApplied: 'Notă de credit aplicată',
    creditBalanceApplied: 'Sold de credit aplicat',
    amountDue: 'Sumă de plată',
    amountPaid: 'Sumă plătită',
    balanceRemaining: 'Rest de plată',
    paid: 'Achitată',
    appliedToInvoice: 'Aplicat facturii',
    addedToCreditBalance: 'Adăugat la soldul de credit',
    forfeited: 'Pierdut',
    unusedTimeOn: 'Timp neutilizat pentru {item}',
    remainingTimeOn: 'Timp rămas pentru {item}',
    seats: { one: '# loc', few: '# locuri', other: '# de locuri' },
    capped: 'Credit limitat la suma facturată pentru acest articol.',
    footer: 'Întrebări despre acest document? Scrieți-ne la {email}.',
    field: '{label}: {value}',
  },
  el: {
    invoice: 'Τιμολόγιο',
    creditNote: 'Πιστωτικό σημείωμα',
    reasonChange: 'Αλλαγή συνδρομής',
    reasonRenewal: 'Ανανέωση συνδρομής',
    issued: 'Ημερομηνία έκδοσης',
    currency: 'Νόμισμα',
    relatedInvoice: 'Σχετικό τιμολόγιο',
    relatedCreditNote: 'Σχετικό πιστωτικό σημείωμα',
    seller: 'Εκδότης',
    customer: 'Χρέωση προς',
    vatId: 'ΑΦΜ',
    taxId: 'Φορολογικός αριθμός',
    email: 'Email',
    description: 'Περιγραφή',
    period: 'Περίοδος',
    quantity: 'Ποσ.',
    unitPrice: 'Τιμή μονάδας',
    amount: 'Ποσό',
    total: 'Σύνολο',
    creditNoteApplied: 'Συμψηφισμός πιστωτικού σημειώματος',
    creditBalanceApplied: 'Χρήση πιστωτικού υπολοίπου',
    amountDue: 'Πληρωτέο ποσό',
    amountPaid: 'Ποσό που καταβλήθηκε',
    balanceRemaining: 'Υπόλοιπο προς πληρωμή',
    paid: 'Εξοφλήθηκε',
    appliedToInvoice: 'Συμψηφίστηκε με τιμολόγιο',
    addedToCreditBalance: 'Προστέθηκε στο πιστωτικό υπόλοιπο',
    forfeited: 'Απώλεια πίστωσης',
    unusedTimeOn: 'Αχρησιμοποίητος χρόνος για {item}',
    remainingTimeOn: 'Υπολειπόμενος χρόνος για {item}',
    seats: { one: '# θέση', other: '# θέσεις' },
    capped: 'Η πίστωση περιορίστηκε στο ποσό που χρεώθηκε για αυτό το στοιχείο.',
    footer: 'Ερωτήσεις για αυτό το έγγραφο; Γράψτε μας στο {email}.',
    field: '{label}: {value}',
  },
  fr: {
    invoice: 'Facture',
    creditNote: 'Avoir',
    reasonChange: "Modification de l'abonnement",
    reasonRenewal: "Renouvellement de l'abonnement",
    issued: "Date d'émission",
    currency: 'Devise',
    relatedInvoice: 'Facture associée',
    relatedCreditNote: 'Avoir associé',
    seller: 'Émetteur',
    customer: 'Facturé à',
    vatId: 'N° de TVA',
    taxId: 'Identifiant fiscal',
    email: 'E-mail',
    description: 'Description',
    period: 'Période couverte',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    amount: 'Montant',
    total: 'Total',
    creditNoteApplied: 'Avoir imputé',
    creditBalanceApplied: 'Solde créditeur imputé',
    amountDue: 'Montant dû',
    amountPaid: 'Montant payé',
    balanceRemaining: 'Reste à payer',
    paid: 'Payée',
    appliedToInvoice: 'Imputé sur la facture',
    addedToCreditBalance: 'Ajouté au solde créditeur',
    forfeited: 'Perdu',
    unusedTimeOn: 'Temps non utilisé sur {item}',
    remainingTimeOn: 'Temps restant sur {item}',
    seats: { one: '# poste', other: '# postes' },
    capped: 'Crédit limité au montant facturé pour cet article.',
    footer: 'Une question sur ce document\u00a0? Écrivez-nous à {email}.',
    field: '{label}\u00a0: {value}',
  },
  it: {
    invoice: 'Fattura',
    creditNote: 'Nota di credito',
    reasonChange: "Modifica dell'abbonamento",
    reasonRenewal: "Rinnovo dell'abbonamento",
    issued: 'Data di emissione',
    currency: 'Valuta',
    relatedInvoice: 'Fattura collegata',
    relatedCreditNote: 'Nota di credito collegata',
    seller: 'Emittente',
    customer: 'Intestata a',
    vatId: 'Partita IVA',
    taxId: 'Identificativo fiscale',
    email: 'E-mail',
    description: 'Descrizione',
    period: 'Periodo coperto',
    quantity: 'Qtà',
    unitPrice: 'Prezzo unitario',
    amount: 'Importo',
    total: 'Totale',
    creditNoteApplied: 'Nota di credito applicata',
    creditBalanceApplied: 'Saldo a credito applicato',
    amountDue: 'Importo dovuto',
    amountPaid: 'Importo pagato',
    balanceRemaining: 'Saldo da pagare',
    paid: 'Pagata',
    appliedToInvoice: 'Applicato alla fattura',
    addedToCreditBalance: 'Aggiunto al saldo a credito',
    forfeited: 'Non recuperabile',
    unusedTimeOn: 'Tempo non utilizzato di {item}',
    remainingTimeOn: 'Tempo residuo di {item}',
    seats: { one: '# postazione', other: '# postazioni' },
    capped: "Credito limitato all'importo fatturato per questo articolo.",
    footer: 'Domande su questo documento? Scrivici a {email}.',
    field: '{label}: {value}',
  },
  sv: {
    invoice: 'Faktura',
    creditNote: 'Kreditnota',
    reasonChange: 'Ändring av abonnemang',
    reasonRenewal: 'Förnyelse av abonnemang',
    issued: 'Fakturadatum',
    currency: 'Valuta',
    relatedInvoice: 'Tillhörande faktura',
    relatedCreditNote: 'Tillhörande kreditnota',
    seller: 'Från',
    customer: 'Faktureras till',
    vatId: 'Momsregistreringsnummer',
    taxId: 'Skatteregistreringsnummer',
    email: 'E-post',
    description: 'Beskrivning',
    period: 'Period',
    quantity: 'Antal',
    unitPrice: 'À-pris',
    amount: 'Belopp',
    total: 'Summa',
    creditNoteApplied: 'Avräknad kreditnota',
    creditBalanceApplied: 'Avräknat tillgodohavande',
    amountDue: 'Att betala',
    amountPaid: 'Betalt belopp',
    balanceRemaining: 'Kvar att betala',
    paid: 'Betald',
    appliedToInvoice: 'Avräknat mot faktura',
    addedToCreditBalance: 'Tillagt till tillgodohavande',
    forfeited: 'Förverkat',
    unusedTimeOn: 'Oanvänd tid för {item}',
    remainingTimeOn: 'Återstående tid för {item}',
    seats: { one: '# plats', other: '# platser' },
    capped: 'Krediten är begränsad till det belopp som fakturerats för artikeln.',
    footer: 'Frågor om dokumentet? Skriv till {email}.',
    field: '{label}: {value}',
  },
} satisfies Record<Locale, DocumentLabels>;
