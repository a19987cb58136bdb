import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { SignInPage } from '../features/session/sign-in-page';
import { Loading } from '../ui/loading';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';
import { RootLayout } from './root-layout';

/** The route registry: every screen of the portal, and which need a session. */
export function createRouter() {
  return createBrowserRouter([
    {
      Component: RootLayout,
      // Shown while a lazy route loads on the first page load (a deep link to /change).
      HydrateFallback: Loading,
      children: [
        { path: 'sign-in', Component: SignInPage },
        {
          Component: RequireSession,
          children: [
            { index: true, Component: AccountPage },
            {
              path: 'cancel',
              lazy: async () => ({
                Component: (await import('../features/cancel-subscription/cancel-page')).CancelPage,
              }),
            },
            {
              path: 'billing-details',
              lazy: async () => ({
                Component: (await import('../features/billing-details/billing-details-page')).BillingDetailsPage,
              }),
            },
            {
              path: 'contact-sales',
              lazy: async () => ({
                Component: (await import('../features/contact-sales/contact-sales-page')).ContactSalesPage,
              }),
            },
            {
              path: 'contact-sales/sent/:salesRequestId',
              lazy: async () => ({
                Component: (await import('../features/contact-sales/sales-request-sent-page')).SalesRequestSentPage,
              }),
            },
            {
              path: 'payment-methods',
              lazy: async () => ({
                Component: (await import('../features/payment-methods/payment-methods-page')).PaymentMethodsPage,
              }),
            },
            {
              // The simulated bank's page of a payment that needs the customer's authentication.
              path: 'bank/challenges/:challengeId',
              lazy: async () => ({ Component: (await import('../features/bank-challenge/bank-page')).BankPage }),
            },
            {
              // Code-split: the change flow and the engine it prices with load on first visit, so the
              // account page's initial JavaScript stays small. Every step shares one layout (the
              // selection in the URL, the live quote beside it); the result page stands alone.
              path: 'change',
              children: [
                {
                  lazy: async () => ({
                    Component: (await import('../features/change-plan/change-flow')).ChangeFlowLayout,
                  }),
                  children: [
                    {
                      index: true,
                      lazy: async () => ({ Component: (await import('../features/change-plan/plans-step')).PlansStep }),
                    },
                    {
                      path: 'seats',
                      lazy: async () => ({ Component: (await import('../features/change-plan/seats-step')).SeatsStep }),
                    },
                    {
                      path: 'add-ons',
                      lazy: async () => ({
                        Component: (await import('../features/change-plan/add-ons-step')).AddOnsStep,
                      }),
                    },
                    {
                      path: 'review',
                      lazy: async () => ({
                        Component: (await import('../features/change-plan/review-step')).ReviewStep,
                      }),
                    },
                  ],
                },
                {
                  path: 'done/:changeId',
                  lazy: async () => ({ Component: (await import('../features/change-plan/done-page')).DonePage }),
                },
                {
                  path: '*',
                  lazy: async () => ({
                    Component: (await import('../features/change-plan/change-redirect')).ChangeRedirect,
                  }),
                },
              ],
            },
          ],
        },
        { path: '*', Component: NotFoundPage },
      ],
    },
  ]);
}
