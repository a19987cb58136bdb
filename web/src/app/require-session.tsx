import { Navigate, Outlet, useLocation } from 'react-router';
import { signInPathFor } from '../config/paths';
import { useSession } from '../features/session/api/session';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';

/** The signed-in part of the portal: anyone else goes to sign in, and comes back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to={signInPathFor(location.pathname + location.search + location.hash)} replace />;
  }
  return <Outlet />;
}
