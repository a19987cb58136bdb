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
              // Code-split: the change flow (and the engine it will price with) loads on first visit.
              path: 'change/*',
              lazy: async () => ({
                Component: (await import('../features/change-plan/change-plan-page')).ChangePlanPage,
              }),
            },
          ],
        },
        { path: '*', Component: NotFoundPage },
      ],
    },
  ]);
}
