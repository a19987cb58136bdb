import type { Locale } from '@planshift/shared/account';

/**
 * What the cancellation e-mails say, in one language: cancelled (and until when), resumed, ended;
 * and the line a restart adds to the change confirmation. Functions, so that each language can
 * place the values as its grammar needs.
 */
export type CancellationStrings = Readonly<{
  scheduled: Readonly<{
    subject: (date: string) => string;
    intro: (date: string) => string;
    noFurtherBill: string;
    resume: (date: string) => string;
  }>;
  resumed: Readonly<{
    subject: string;
    intro: (date: string) => string;
    /** The change the cancellation had replaced is back: "Your change to Advanced (3 seats) on … is scheduled again". */
    restored: (target: string, date: string) => string;
  }>;
  ended: Readonly<{
    subject: string;
    intro: (date: string) => string;
    creditKept: (amount: string) => string;
    startAgain: string;
  }>;
  /** "Subscription started again: Pro (3 seats), billed monthly". */
  restart: (plan: string, every: string) => string;
}>;

export const CANCELLATION_STRINGS = {
  en: {
    scheduled: {
      subject: (date) => `Your subscription will end on ${date}`,
      intro: (date) =>
        `We have received your cancellation. Your subscription stays active until ${date}, with everything it includes, and then ends.`,
      noFurtherBill:
        'It will not renew and you will not be billed again. Nothing is refunded for the time left in the current period.',
      resume: (date) =>
        `Changed your mind? Resume the subscription in the portal before ${date} and it carries on as before.`,
    },
    resumed: {
      subject: 'Your subscription will continue',
      intro: (date) =>
        `You have resumed your subscription: it is no longer set to end, and renews on ${date} as usual.`,
      restored: (target, date) =>
        `Your change to ${target} on ${date} is scheduled again, as it was before you cancelled.`,
    },
    ended: {
      subject: 'Your subscription has ended',
      intro: (date) => `Your subscription ended on ${date}, as you asked. Nothing more will be billed.`,
      creditKept: (amount) =>
        `Your credit balance of ${amount} stays on your account and pays first if you start again.`,
      startAgain: 'You can start again at any time: open the portal and choose a plan.',
    },
    restart: (plan, every) => `Subscription started again: ${plan}, billed ${every}`,
  },
  ro: {
    scheduled: {
      subject: (date) => `Abonamentul dumneavoastră se încheie la ${date}`,
      intro: (date) =>
        `Am primit cererea de anulare. Abonamentul rămâne activ până la ${date}, cu tot ce include, apoi se încheie.`,
      noFurtherBill:
        'Nu se va reînnoi și nu veți mai fi facturat. Timpul rămas din perioada curentă nu se rambursează.',
      resume: (date) =>
        `V-ați răzgândit? Reluați abonamentul din portal înainte de ${date} și acesta continuă ca până acum.`,
    },
    resumed: {
      subject: 'Abonamentul dumneavoastră continuă',
      intro: (date) => `Ați reluat abonamentul: nu se mai încheie și se reînnoiește la ${date}, ca de obicei.`,
      restored: (target, date) => `Trecerea la ${target} pe ${date} este din nou programată, ca înainte de anulare.`,
    },
    ended: {
      subject: 'Abonamentul dumneavoastră s-a încheiat',
      intro: (date) => `Abonamentul s-a încheiat la ${date}, așa cum ați cerut. Nu se mai facturează nimic.`,
      creditKept: (amount) =>
        `Soldul de credit de ${amount} rămâne în cont și se folosește primul dacă reluați abonamentul.`,
      startAgain: 'Puteți relua oricând: deschideți portalul și alegeți un plan.',
    },
    restart: (plan, every) => `Abonament reluat: ${plan}, facturat ${every}`,
  },
  el: {
    scheduled: {
      subject: (date) => `Η συνδρομή σας λήγει στις ${date}`,
      intro: (date) =>
        `Λάβαμε την ακύρωσή σας. Η συνδρομή σας παραμένει ενεργή έως τις ${date}, με όλα όσα περιλαμβάνει, και έπειτα λήγει.`,
      noFurtherBill:
        'Δεν θα ανανεωθεί και δεν θα χρεωθείτε ξανά. Ο χρόνος που απομένει στην τρέχουσα περίοδο δεν επιστρέφεται.',
      resume: (date) =>
        `Αλλάξατε γνώμη; Συνεχίστε τη συνδρομή από την πύλη πριν από τις ${date} και θα συνεχιστεί όπως πριν.`,
    },
    resumed: {
      subject: 'Η συνδρομή σας συνεχίζεται',
      intro: (date) => `Συνεχίσατε τη συνδρομή σας: δεν λήγει πλέον και ανανεώνεται στις ${date} ως συνήθως.`,
      restored: (target, date) =>
        `Η αλλαγή σας σε ${target} στις ${date} έχει προγραμματιστεί ξανά, όπως πριν από την ακύρωση.`,
    },
    ended: {
      subject: 'Η συνδρομή σας έληξε',
      intro: (date) => `Η συνδρομή σας έληξε στις ${date}, όπως ζητήσατε. Δεν θα χρεωθεί τίποτα άλλο.`,
      creditKept: (amount) =>
        `Το πιστωτικό σας υπόλοιπο των ${amount} παραμένει στον λογαριασμό σας και χρησιμοποιείται πρώτο αν ξεκινήσετε ξανά.`,
      startAgain: 'Μπορείτε να ξεκινήσετε ξανά οποιαδήποτε στιγμή: ανοίξτε την πύλη και επιλέξτε πρόγραμμα.',
    },
    restart: (plan, every) => `Η συνδρομή ξεκίνησε ξανά: ${plan}, χρέωση ${every}`,
  },
  fr: {
    scheduled: {
      subject: (date) => `Votre abonnement prendra fin le ${date}`,
      intro: (date) =>
        `Nous avons bien reçu votre résiliation. Votre abonnement reste actif jusqu’au ${date}, avec tout ce qu’il comprend, puis prend fin.`,
      noFurtherBill:
        'Il ne sera pas renouvelé et vous ne serez plus facturé. Le temps restant de la période en cours n’est pas remboursé.',
      resume: (date) =>
        `Vous avez changé d’avis\u00a0? Réactivez l’abonnement depuis le portail avant le ${date}\u00a0: il continuera comme avant.`,
    },
    resumed: {
      subject: 'Votre abonnement continue',
      intro: (date) =>
        `Vous avez réactivé votre abonnement\u00a0: il ne prendra plus fin et sera renouvelé le ${date} comme d’habitude.`,
      restored: (target, date) =>
        `Votre passage à ${target} prévu le ${date} est de nouveau programmé, comme avant votre résiliation.`,
    },
    ended: {
      subject: 'Votre abonnement a pris fin',
      intro: (date) => `Votre abonnement a pris fin le ${date}, comme vous l’avez demandé. Plus rien ne sera facturé.`,
      creditKept: (amount) =>
        `Votre solde créditeur de ${amount} reste sur votre compte et sera utilisé en premier si vous reprenez un abonnement.`,
      startAgain: 'Vous pouvez reprendre à tout moment\u00a0: ouvrez le portail et choisissez une formule.',
    },
    restart: (plan, every) => `Abonnement repris\u00a0: ${plan}, facturation ${every}`,
  },
  it: {
    scheduled: {
      subject: (date) => `Il tuo abbonamento terminerà il ${date}`,
      intro: (date) =>
        `Abbiamo ricevuto la tua disdetta. L’abbonamento resta attivo fino al ${date}, con tutto ciò che include, e poi termina.`,
      noFurtherBill:
        'Non verrà rinnovato e non ti verrà addebitato altro. Il tempo rimanente del periodo in corso non viene rimborsato.',
      resume: (date) =>
        `Hai cambiato idea? Riattiva l’abbonamento dal portale prima del ${date} e continuerà come prima.`,
    },
    resumed: {
      subject: 'Il tuo abbonamento continua',
      intro: (date) => `Hai riattivato il tuo abbonamento: non terminerà più e si rinnova il ${date} come di consueto.`,
      restored: (target, date) =>
        `Il passaggio a ${target} previsto per il ${date} è di nuovo programmato, come prima della disdetta.`,
    },
    ended: {
      subject: 'Il tuo abbonamento è terminato',
      intro: (date) => `Il tuo abbonamento è terminato il ${date}, come hai chiesto. Non verrà addebitato altro.`,
      creditKept: (amount) =>
        `Il tuo saldo a credito di ${amount} resta sul tuo account e viene usato per primo se riparti.`,
      startAgain: 'Puoi ripartire in qualsiasi momento: apri il portale e scegli un piano.',
    },
    restart: (plan, every) => `Abbonamento riattivato: ${plan}, fatturazione ${every}`,
  },
  sv: {
    scheduled: {
      subject: (date) => `Ditt abonnemang upphör den ${date}`,
      intro: (date) =>
        `Vi har tagit emot din uppsägning. Ditt abonnemang är aktivt fram till den ${date}, med allt det innehåller, och upphör sedan.`,
      noFurtherBill:
        'Det förnyas inte och du faktureras inte igen. Den tid som återstår av den pågående perioden återbetalas inte.',
      resume: (date) => `Ångrat dig? Återuppta abonnemanget i portalen före ${date} så fortsätter det som tidigare.`,
    },
    resumed: {
      subject: 'Ditt abonnemang fortsätter',
      intro: (date) =>
        `Du har återupptagit ditt abonnemang: det upphör inte längre och förnyas den ${date} som vanligt.`,
      restored: (target, date) =>
        `Din ändring till ${target} den ${date} är schemalagd igen, som innan du sa upp abonnemanget.`,
    },
    ended: {
      subject: 'Ditt abonnemang har upphört',
      intro: (date) => `Ditt abonnemang upphörde den ${date}, som du bad om. Inget mer faktureras.`,
      creditKept: (amount) =>
        `Ditt tillgodohavande på ${amount} finns kvar på ditt konto och används först om du börjar igen.`,
      startAgain: 'Du kan börja igen när som helst: öppna portalen och välj en plan.',
    },
    restart: (plan, every) => `Abonnemanget har startats igen: ${plan}, faktureras ${every}`,
  },
} as const satisfies Record<Locale, CancellationStrings>;
