import type { Locale } from '@planshift/shared/account';

type Unit = 'month' | 'year';

/**
 * Every sentence the e-mails say, in one language. Sentences are functions, not templates, so
 * each language can place and inflect the values as its grammar needs.
 */
export type EmailStrings = Readonly<{
  greeting: (name: string) => string;
  /** When no person is known for the address (a shared mailbox with no user behind it). */
  greetingNoName: string;
  signOff: string;
  changeConfirmed: Readonly<{
    subject: string;
    intro: (date: string) => string;
    appliedNow: string;
    scheduled: (date: string) => string;
    provisioningPending: string;
    documentsAttached: string;
    noDocuments: string;
  }>;
  changes: Readonly<{
    plan: (from: string, to: string) => string;
    seats: (plan: string, from: string, to: string) => string;
    interval: (from: string, to: string) => string;
    addOn: (name: string, from: string, to: string) => string;
    /** A billing interval as an adjective or phrase: "monthly", "every 3 months". */
    every: (unit: Unit, count: number) => string;
  }>;
  renewalInvoiced: Readonly<{
    subject: (number: string) => string;
    intro: (date: string) => string;
    /** Heads the parts of the scheduled change that took effect with the renewal. */
    tookEffect: (date: string) => string;
    coveredByCredit: string;
    chargedToCard: (amount: string) => string;
  }>;
  renewalFailed: Readonly<{
    subject: (number: string) => string;
    intro: (number: string, amount: string) => string;
    retryOn: (date: string) => string;
    noRetry: string;
  }>;
  provisioningCompleted: Readonly<{
    subject: string;
    intro: (date: string) => string;
  }>;
  changeRefunded: Readonly<{
    subject: string;
    intro: (date: string, amount: string) => string;
    tryAgain: string;
  }>;
}>;

/** Swedish ordinal suffix: 2:a, 3:e, 21:a, 11:e. */
function svOrdinal(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  return (last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? `${n}:a` : `${n}:e`;
}

/** Romanian puts "de" between a number ending in 20 or more and its noun (20 de luni). */
function roCount(n: number, noun: string): string {
  return new Intl.PluralRules('ro').select(n) === 'other' ? `${n} de ${noun}` : `${n} ${noun}`;
}

/** The e-mail sentences per portal language; `satisfies` makes a missing one a compile error. */
export const EMAIL_STRINGS = {
  en: {
    greeting: (name) => `Hello ${name},`,
    greetingNoName: 'Hello,',
    signOff: 'The Planshift team',
    changeConfirmed: {
      subject: 'Your subscription change is confirmed',
      intro: (date) => `We have confirmed the change to your subscription made on ${date}.`,
      appliedNow: 'In effect now:',
      scheduled: (date) => `Taking effect on ${date}:`,
      provisioningPending:
        'Some of the new limits and features need a member of our team to set them up. Until then your previous ones stay in force; we will e-mail you when everything is ready.',
      documentsAttached: 'The documents for this change are attached as PDF files.',
      noDocuments: 'Nothing was invoiced or credited for this change.',
    },
    changes: {
      plan: (from, to) => `Plan: ${from} → ${to}`,
      seats: (plan, from, to) => `Seats on ${plan}: ${from} → ${to}`,
      interval: (from, to) => `Billing interval: ${from} → ${to}`,
      addOn: (name, from, to) => `Add-on ${name}: ${from} → ${to}`,
      every: (unit, n) => (n === 1 ? `${unit}ly` : `every ${n} ${unit}s`),
    },
    renewalInvoiced: {
      subject: (number) => `Your invoice ${number}`,
      intro: (date) => `Your subscription renewed on ${date}. The invoice is attached as a PDF file.`,
      tookEffect: (date) => `Your scheduled change took effect on ${date}:`,
      coveredByCredit: 'It is fully covered by your credit balance: there is nothing to pay.',
      chargedToCard: (amount) => `The amount due, ${amount}, is charged to your card on file.`,
    },
    renewalFailed: {
      subject: (number) => `Payment failed for invoice ${number}`,
      intro: (number, amount) => `We could not collect ${amount} for invoice ${number}: your card was declined.`,
      retryOn: (date) =>
        `We will try your card again on ${date}. To pay sooner, or with another card, open the billing page of the portal.`,
      noRetry: 'We will not try again automatically. Please pay the invoice from the billing page of the portal.',
    },
    provisioningCompleted: {
      subject: 'Your subscription change is fully set up',
      intro: (date) =>
        `The change you confirmed on ${date} is now fully set up: all its new limits and features are active.`,
    },
    changeRefunded: {
      subject: 'Your subscription change was not applied: the payment is refunded',
      intro: (date, amount) =>
        `The change to your subscription requested on ${date} could not be applied, because the subscription changed while the payment was being taken. We have refunded the ${amount} charged to your card; it reaches your account within a few days.`,
      tryAgain: 'Your subscription is as it was. To make the change, open the portal and confirm a new quote.',
    },
  },
  ro: {
    greeting: (name) => `Bună ziua, ${name},`,
    greetingNoName: 'Bună ziua,',
    signOff: 'Echipa Planshift',
    changeConfirmed: {
      subject: 'Modificarea abonamentului a fost confirmată',
      intro: (date) => `Am confirmat modificarea abonamentului dumneavoastră, făcută la ${date}.`,
      appliedNow: 'În vigoare de acum:',
      scheduled: (date) => `Intră în vigoare la ${date}:`,
      provisioningPending:
        'Unele dintre noile limite și funcționalități trebuie configurate de un membru al echipei noastre. Până atunci rămân în vigoare cele anterioare; vă vom trimite un e-mail când totul este gata.',
      documentsAttached: 'Documentele aferente acestei modificări sunt atașate ca fișiere PDF.',
      noDocuments: 'Pentru această modificare nu s-a emis nicio factură și nicio notă de credit.',
    },
    changes: {
      plan: (from, to) => `Plan: ${from} → ${to}`,
      seats: (plan, from, to) => `Locuri în ${plan}: ${from} → ${to}`,
      interval: (from, to) => `Interval de facturare: ${from} → ${to}`,
      addOn: (name, from, to) => `Supliment ${name}: ${from} → ${to}`,
      every: (unit, n) => {
        if (n === 1) return unit === 'month' ? 'lunar' : 'anual';
        return `la fiecare ${roCount(n, unit === 'month' ? 'luni' : 'ani')}`;
      },
    },
    renewalInvoiced: {
      subject: (number) => `Factura dumneavoastră ${number}`,
      intro: (date) => `Abonamentul dumneavoastră a fost reînnoit la ${date}. Factura este atașată ca fișier PDF.`,
      tookEffect: (date) => `Modificarea programată a intrat în vigoare la ${date}:`,
      coveredByCredit: 'Suma este acoperită integral din soldul de credit: nu aveți nimic de plată.',
      chargedToCard: (amount) => `Suma de plată, ${amount}, se încasează de pe cardul înregistrat.`,
    },
    renewalFailed: {
      subject: (number) => `Plata facturii ${number} nu a reușit`,
      intro: (number, amount) =>
        `Nu am putut încasa ${amount} pentru factura ${number}: cardul dumneavoastră a fost refuzat.`,
      retryOn: (date) =>
        `Vom încerca din nou să debităm cardul la ${date}. Pentru a plăti mai devreme sau cu alt card, deschideți pagina de facturare din portal.`,
      noRetry: 'Nu vom mai încerca automat. Vă rugăm să plătiți factura din pagina de facturare a portalului.',
    },
    provisioningCompleted: {
      subject: 'Modificarea abonamentului este complet configurată',
      intro: (date) =>
        `Modificarea confirmată la ${date} este acum complet configurată: toate noile limite și funcționalități sunt active.`,
    },
    changeRefunded: {
      subject: 'Modificarea abonamentului nu a fost aplicată: plata a fost rambursată',
      intro: (date, amount) =>
        `Modificarea abonamentului solicitată la ${date} nu a putut fi aplicată, deoarece abonamentul s-a schimbat în timp ce se procesa plata. V-am rambursat suma de ${amount} debitată de pe card; o veți regăsi în cont în câteva zile.`,
      tryAgain:
        'Abonamentul dumneavoastră a rămas neschimbat. Pentru a face modificarea, deschideți portalul și confirmați o ofertă nouă.',
    },
  },
  el: {
    greeting: (name) => `Γεια σας, ${name},`,
    greetingNoName: 'Γεια σας,',
    signOff: 'Η ομάδα του Planshift',
    changeConfirmed: {
      subject: 'Η αλλαγή της συνδρομής σας επιβεβαιώθηκε',
      intro: (date) => `Επιβεβαιώσαμε την αλλαγή που κάνατε στη συνδρομή σας στις ${date}.`,
      appliedNow: 'Ισχύει από τώρα:',
      scheduled: (date) => `Τίθεται σε ισχύ στις ${date}:`,
      provisioningPending:
        'Ορισμένα από τα νέα όρια και τις νέες λειτουργίες πρέπει να ρυθμιστούν από ένα μέλος της ομάδας μας. Μέχρι τότε ισχύουν τα προηγούμενα· θα σας ενημερώσουμε με email όταν όλα είναι έτοιμα.',
      documentsAttached: 'Τα παραστατικά αυτής της αλλαγής επισυνάπτονται ως αρχεία PDF.',
      noDocuments: 'Για αυτή την αλλαγή δεν εκδόθηκε ούτε τιμολόγιο ούτε πιστωτικό σημείωμα.',
    },
    changes: {
      plan: (from, to) => `Πρόγραμμα: ${from} → ${to}`,
      seats: (plan, from, to) => `Θέσεις στο ${plan}: ${from} → ${to}`,
      interval: (from, to) => `Περίοδος χρέωσης: ${from} → ${to}`,
      addOn: (name, from, to) => `Πρόσθετο ${name}: ${from} → ${to}`,
      every: (unit, n) => {
        if (n === 1) return unit === 'month' ? 'μηνιαία' : 'ετήσια';
        return `κάθε ${n} ${unit === 'month' ? 'μήνες' : 'χρόνια'}`;
      },
    },
    renewalInvoiced: {
      subject: (number) => `Το τιμολόγιό σας ${number}`,
      intro: (date) => `Η συνδρομή σας ανανεώθηκε στις ${date}. Το τιμολόγιο επισυνάπτεται ως αρχείο PDF.`,
      tookEffect: (date) => `Η προγραμματισμένη αλλαγή τέθηκε σε ισχύ στις ${date}:`,
      coveredByCredit: 'Καλύπτεται πλήρως από το πιστωτικό σας υπόλοιπο: δεν έχετε τίποτα να πληρώσετε.',
      chargedToCard: (amount) => `Το πληρωτέο ποσό, ${amount}, χρεώνεται στην κάρτα που έχετε καταχωρίσει.`,
    },
    renewalFailed: {
      subject: (number) => `Η πληρωμή του τιμολογίου ${number} απέτυχε`,
      intro: (number, amount) =>
        `Δεν μπορέσαμε να εισπράξουμε ${amount} για το τιμολόγιο ${number}: η κάρτα σας απορρίφθηκε.`,
      retryOn: (date) =>
        `Θα δοκιμάσουμε ξανά να χρεώσουμε την κάρτα σας στις ${date}. Για να πληρώσετε νωρίτερα ή με άλλη κάρτα, ανοίξτε τη σελίδα χρεώσεων στην πύλη.`,
      noRetry: 'Δεν θα δοκιμάσουμε ξανά αυτόματα. Παρακαλούμε πληρώστε το τιμολόγιο από τη σελίδα χρεώσεων της πύλης.',
    },
    provisioningCompleted: {
      subject: 'Η αλλαγή της συνδρομής σας ολοκληρώθηκε',
      intro: (date) =>
        `Η αλλαγή που επιβεβαιώσατε στις ${date} έχει πλέον ρυθμιστεί πλήρως: όλα τα νέα όρια και οι νέες λειτουργίες είναι ενεργά.`,
    },
    changeRefunded: {
      subject: 'Η αλλαγή της συνδρομής σας δεν εφαρμόστηκε: η πληρωμή επιστράφηκε',
      intro: (date, amount) =>
        `Η αλλαγή της συνδρομής σας που ζητήσατε στις ${date} δεν μπόρεσε να εφαρμοστεί, επειδή η συνδρομή άλλαξε ενώ γινόταν η πληρωμή. Σας επιστρέψαμε το ποσό των ${amount} που χρεώθηκε στην κάρτα σας· θα εμφανιστεί στον λογαριασμό σας μέσα σε λίγες ημέρες.`,
      tryAgain:
        'Η συνδρομή σας παραμένει ως είχε. Για να κάνετε την αλλαγή, ανοίξτε την πύλη και επιβεβαιώστε μια νέα προσφορά.',
    },
  },
  // French sets a no-break space before ":" and ";".
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    greetingNoName: 'Bonjour,',
    signOff: 'L’équipe Planshift',
    changeConfirmed: {
      subject: 'La modification de votre abonnement est confirmée',
      intro: (date) => `Nous confirmons la modification de votre abonnement effectuée le ${date}.`,
      appliedNow: 'En vigueur dès maintenant\u00a0:',
      scheduled: (date) => `À partir du ${date}\u00a0:`,
      provisioningPending:
        'Certaines des nouvelles limites et fonctionnalités doivent être mises en place par un membre de notre équipe. D’ici là, les précédentes restent en vigueur\u00a0; nous vous écrirons dès que tout sera prêt.',
      documentsAttached: 'Les documents de cette modification sont joints au format PDF.',
      noDocuments: 'Cette modification n’a donné lieu à aucune facture ni à aucun avoir.',
    },
    changes: {
      plan: (from, to) => `Formule\u00a0: ${from} → ${to}`,
      seats: (plan, from, to) => `Postes sur ${plan}\u00a0: ${from} → ${to}`,
      interval: (from, to) => `Périodicité de facturation\u00a0: ${from} → ${to}`,
      addOn: (name, from, to) => `Option ${name}\u00a0: ${from} → ${to}`,
      every: (unit, n) => {
        if (n === 1) return unit === 'month' ? 'mensuelle' : 'annuelle';
        return `tous les ${n} ${unit === 'month' ? 'mois' : 'ans'}`;
      },
    },
    renewalInvoiced: {
      subject: (number) => `Votre facture ${number}`,
      intro: (date) => `Votre abonnement a été renouvelé le ${date}. La facture est jointe au format PDF.`,
      tookEffect: (date) => `La modification programmée est entrée en vigueur le ${date}\u00a0:`,
      coveredByCredit: 'Elle est entièrement couverte par votre solde créditeur\u00a0: vous n’avez rien à payer.',
      chargedToCard: (amount) => `Le montant dû, ${amount}, est prélevé sur la carte enregistrée.`,
    },
    renewalFailed: {
      subject: (number) => `Échec du paiement de la facture ${number}`,
      intro: (number, amount) =>
        `Nous n’avons pas pu encaisser ${amount} pour la facture ${number}\u00a0: votre carte a été refusée.`,
      retryOn: (date) =>
        `Nous réessaierons de débiter votre carte le ${date}. Pour payer plus tôt ou avec une autre carte, ouvrez la page de facturation du portail.`,
      noRetry:
        'Nous ne réessaierons plus automatiquement. Merci de régler la facture depuis la page de facturation du portail.',
    },
    provisioningCompleted: {
      subject: 'La modification de votre abonnement est entièrement mise en place',
      intro: (date) =>
        `La modification confirmée le ${date} est désormais entièrement mise en place\u00a0: toutes les nouvelles limites et fonctionnalités sont actives.`,
    },
    changeRefunded: {
      subject: 'La modification de votre abonnement n’a pas été appliquée\u00a0: le paiement est remboursé',
      intro: (date, amount) =>
        `La modification de votre abonnement demandée le ${date} n’a pas pu être appliquée, car l’abonnement a changé pendant le paiement. Nous avons remboursé les ${amount} débités sur votre carte\u00a0; ils apparaîtront sur votre compte d’ici quelques jours.`,
      tryAgain:
        'Votre abonnement est resté tel quel. Pour faire la modification, ouvrez le portail et confirmez un nouveau devis.',
    },
  },
  it: {
    greeting: (name) => `Buongiorno ${name},`,
    greetingNoName: 'Buongiorno,',
    signOff: 'Il team di Planshift',
    changeConfirmed: {
      subject: 'La modifica del tuo abbonamento è confermata',
      intro: (date) => `Abbiamo confermato la modifica al tuo abbonamento effettuata il ${date}.`,
      appliedNow: 'In vigore da subito:',
      scheduled: (date) => `In vigore dal ${date}:`,
      provisioningPending:
        'Alcuni dei nuovi limiti e delle nuove funzionalità devono essere configurati da un membro del nostro team. Fino ad allora restano in vigore quelli precedenti; ti scriveremo quando sarà tutto pronto.',
      documentsAttached: 'I documenti di questa modifica sono allegati in formato PDF.',
      noDocuments: 'Per questa modifica non è stata emessa alcuna fattura né nota di credito.',
    },
    changes: {
      plan: (from, to) => `Piano: ${from} → ${to}`,
      seats: (plan, from, to) => `Postazioni su ${plan}: ${from} → ${to}`,
      interval: (from, to) => `Frequenza di fatturazione: ${from} → ${to}`,
      addOn: (name, from, to) => `Componente aggiuntivo ${name}: ${from} → ${to}`,
      every: (unit, n) => {
        if (n === 1) return unit === 'month' ? 'mensile' : 'annuale';
        return `ogni ${n} ${unit === 'month' ? 'mesi' : 'anni'}`;
      },
    },
    renewalInvoiced: {
      subject: (number) => `La tua fattura ${number}`,
      intro: (date) => `Il tuo abbonamento è stato rinnovato il ${date}. La fattura è allegata in formato PDF.`,
      tookEffect: (date) => `La modifica programmata è entrata in vigore il ${date}:`,
      coveredByCredit: 'È interamente coperta dal tuo saldo a credito: non devi pagare nulla.',
      chargedToCard: (amount) => `L’importo dovuto, ${amount}, viene addebitato sulla carta registrata.`,
    },
    renewalFailed: {
      subject: (number) => `Pagamento non riuscito per la fattura ${number}`,
      intro: (number, amount) =>
        `Non siamo riusciti a incassare ${amount} per la fattura ${number}: la tua carta è stata rifiutata.`,
      retryOn: (date) =>
        `Riproveremo ad addebitare la tua carta il ${date}. Per pagare prima o con un’altra carta, apri la pagina di fatturazione del portale.`,
      noRetry: 'Non riproveremo più automaticamente. Paga la fattura dalla pagina di fatturazione del portale.',
    },
    provisioningCompleted: {
      subject: 'La modifica del tuo abbonamento è stata completata',
      intro: (date) =>
        `La modifica che hai confermato il ${date} è ora completamente configurata: tutti i nuovi limiti e le nuove funzionalità sono attivi.`,
    },
    changeRefunded: {
      subject: 'La modifica del tuo abbonamento non è stata applicata: il pagamento è stato rimborsato',
      intro: (date, amount) =>
        `La modifica dell’abbonamento che hai richiesto il ${date} non è stata applicata, perché l’abbonamento è cambiato mentre il pagamento era in corso. Ti abbiamo rimborsato i ${amount} addebitati sulla tua carta; li vedrai sul conto entro pochi giorni.`,
      tryAgain:
        'Il tuo abbonamento è rimasto com’era. Per fare la modifica, apri il portale e conferma un nuovo preventivo.',
    },
  },
  sv: {
    greeting: (name) => `Hej ${name},`,
    greetingNoName: 'Hej,',
    signOff: 'Teamet på Planshift',
    changeConfirmed: {
      subject: 'Ändringen av ditt abonnemang är bekräftad',
      intro: (date) => `Vi har bekräftat ändringen av ditt abonnemang som gjordes den ${date}.`,
      appliedNow: 'Gäller från och med nu:',
      scheduled: (date) => `Gäller från och med den ${date}:`,
      provisioningPending:
        'Några av de nya gränserna och funktionerna behöver ställas in av någon i vårt team. Fram till dess gäller de tidigare; vi mejlar dig när allt är klart.',
      documentsAttached: 'Dokumenten för ändringen bifogas som PDF-filer.',
      noDocuments: 'Ändringen gav varken någon faktura eller någon kreditnota.',
    },
    changes: {
      plan: (from, to) => `Plan: ${from} → ${to}`,
      seats: (plan, from, to) => `Platser i ${plan}: ${from} → ${to}`,
      interval: (from, to) => `Faktureringsintervall: ${from} → ${to}`,
      addOn: (name, from, to) => `Tillägg ${name}: ${from} → ${to}`,
      // "månad" is a common-gender noun (var), "år" a neuter one (vart).
      every: (unit, n) => {
        if (n === 1) return unit === 'month' ? 'månadsvis' : 'årsvis';
        return unit === 'month' ? `var ${svOrdinal(n)} månad` : `vart ${svOrdinal(n)} år`;
      },
    },
    renewalInvoiced: {
      subject: (number) => `Din faktura ${number}`,
      intro: (date) => `Ditt abonnemang förnyades den ${date}. Fakturan bifogas som PDF-fil.`,
      tookEffect: (date) => `Den schemalagda ändringen trädde i kraft den ${date}:`,
      coveredByCredit: 'Den täcks helt av ditt tillgodohavande: du har inget att betala.',
      chargedToCard: (amount) => `Beloppet att betala, ${amount}, dras från ditt registrerade kort.`,
    },
    renewalFailed: {
      subject: (number) => `Betalningen av faktura ${number} misslyckades`,
      intro: (number, amount) => `Vi kunde inte dra ${amount} för faktura ${number}: ditt kort nekades.`,
      retryOn: (date) =>
        `Vi försöker dra beloppet från ditt kort igen den ${date}. Vill du betala tidigare eller med ett annat kort öppnar du faktureringssidan i portalen.`,
      noRetry: 'Vi gör inga fler automatiska försök. Betala fakturan från faktureringssidan i portalen.',
    },
    provisioningCompleted: {
      subject: 'Ändringen av ditt abonnemang är helt klar',
      intro: (date) =>
        `Ändringen som du bekräftade den ${date} är nu helt införd: alla nya gränser och funktioner är aktiva.`,
    },
    changeRefunded: {
      subject: 'Ändringen av ditt abonnemang genomfördes inte: betalningen är återbetald',
      intro: (date, amount) =>
        `Ändringen av ditt abonnemang som du begärde den ${date} kunde inte genomföras, eftersom abonnemanget ändrades medan betalningen drogs. Vi har återbetalat ${amount} som drogs från ditt kort; beloppet syns på ditt konto inom några dagar.`,
      tryAgain: 'Ditt abonnemang är oförändrat. Vill du göra ändringen öppnar du portalen och bekräftar en ny offert.',
    },
  },
} satisfies Record<Locale, EmailStrings>;
