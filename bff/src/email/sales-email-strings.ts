import type { Locale } from '@planshift/shared/account';

/** What the customer's confirmation of a "Contact sales" request says, in one language. */
export type SalesReceivedStrings = Readonly<{
  subject: (plan: string) => string;
  intro: (plan: string, email: string) => string;
  plan: string;
  seats: string;
  yourMessage: string;
  noMessage: string;
}>;

/** The confirmation a customer gets after contacting sales, per portal language. */
export const SALES_RECEIVED_STRINGS = {
  en: {
    subject: (plan) => `Your request about ${plan} has reached our sales team`,
    intro: (plan, email) =>
      `Thank you for your interest in ${plan}. Our sales team has your request and will reply to ${email}.`,
    plan: 'Plan',
    seats: 'Seats wanted',
    yourMessage: 'Your message:',
    noMessage: 'You sent no message with it.',
  },
  ro: {
    subject: (plan) => `Solicitarea dumneavoastră despre ${plan} a ajuns la echipa noastră de vânzări`,
    intro: (plan, email) =>
      `Vă mulțumim pentru interesul față de ${plan}. Echipa noastră de vânzări a primit solicitarea și vă va răspunde la ${email}.`,
    plan: 'Plan',
    seats: 'Locuri dorite',
    yourMessage: 'Mesajul dumneavoastră:',
    noMessage: 'Nu ați trimis niciun mesaj împreună cu solicitarea.',
  },
  el: {
    subject: (plan) => `Το αίτημά σας για το ${plan} έφτασε στην ομάδα πωλήσεών μας`,
    intro: (plan, email) =>
      `Σας ευχαριστούμε για το ενδιαφέρον σας για το ${plan}. Η ομάδα πωλήσεών μας έλαβε το αίτημά σας και θα σας απαντήσει στο ${email}.`,
    plan: 'Πρόγραμμα',
    seats: 'Επιθυμητές θέσεις',
    yourMessage: 'Το μήνυμά σας:',
    noMessage: 'Δεν στείλατε μήνυμα μαζί με το αίτημα.',
  },
  fr: {
    subject: (plan) => `Votre demande concernant ${plan} est parvenue à notre équipe commerciale`,
    intro: (plan, email) =>
      `Merci de votre intérêt pour ${plan}. Notre équipe commerciale a bien reçu votre demande et vous répondra à ${email}.`,
    plan: 'Formule',
    seats: 'Postes souhaités',
    yourMessage: 'Votre message :',
    noMessage: 'Vous n’avez joint aucun message.',
  },
  it: {
    subject: (plan) => `La tua richiesta su ${plan} è arrivata al nostro team commerciale`,
    intro: (plan, email) =>
      `Grazie per l’interesse per ${plan}. Il nostro team commerciale ha ricevuto la tua richiesta e ti risponderà all’indirizzo ${email}.`,
    plan: 'Piano',
    seats: 'Postazioni richieste',
    yourMessage: 'Il tuo messaggio:',
    noMessage: 'Non hai aggiunto alcun messaggio.',
  },
  sv: {
    subject: (plan) => `Din förfrågan om ${plan} har nått vårt säljteam`,
    intro: (plan, email) =>
      `Tack för ditt intresse för ${plan}. Vårt säljteam har tagit emot din förfrågan och svarar dig på ${email}.`,
    plan: 'Plan',
    seats: 'Önskat antal platser',
    yourMessage: 'Ditt meddelande:',
    noMessage: 'Du skickade inget meddelande med förfrågan.',
  },
} as const satisfies Record<Locale, SalesReceivedStrings>;
