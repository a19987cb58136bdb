import { Navigate, useLocation } from 'react-router';
import { stepPath } from './change-steps';

/** Any other address under /change (an old `/change/plan` link) opens the flow's first step, keeping the selection. */
export function ChangeRedirect() {
  const location = useLocation();
  return <Navigate to={{ pathname: stepPath('plan'), search: location.search }} replace />;
}
