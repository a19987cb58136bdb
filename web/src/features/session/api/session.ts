import { type PersonasView, SCENARIO_HEADER, type ScenarioId, type SessionView } from '@planshift/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiFailure } from '../../../api/api-failure';
import { answer, client, forgetSession, rememberSession } from '../../../api/client';
import { accountScope, sessionKey } from '../../../api/query-keys';

const personasKey = ['personas'] as const;

/** The signed-in user and the CSRF token; 401 `unauthenticated` when nobody is signed in. */
const getSession = async (): Promise<SessionView> => rememberSession(await answer(await client.api.session.$get()));

/** The session, or null when nobody is signed in (the 401 is an answer here, not a failure). */
export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionView | null> => {
      try {
        return await getSession();
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

/** Who signs in, and (a demo persona) the scenario they live in (docs/decisions/018). */
export type Credentials = Readonly<{ email: string; password: string; scenario?: ScenarioId | null }>;

/** The demo personas, or null where the QA routes do not exist (production answers 404). */
async function getPersonas(): Promise<PersonasView | null> {
  try {
    return await answer(await client.api.test.personas.$get());
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) return null;
    throw error;
  }
}

export const personasQuery = () =>
  queryOptions({ queryKey: personasKey, queryFn: getPersonas, staleTime: Number.POSITIVE_INFINITY });

export const useSession = () => useQuery(sessionQuery());
export const usePersonas = () => useQuery(personasQuery());

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password, scenario }: Credentials) => {
      const headers: Record<string, string> = scenario ? { [SCENARIO_HEADER]: scenario } : {};
      return rememberSession(await answer(await client.api.session.$post({ json: { email, password } }, { headers })));
    },
    onSuccess: (session) => {
      // Another person's account must never show, not even for a frame.
      queryClient.removeQueries({ queryKey: accountScope });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await answer(await client.api.session.$delete());
      forgetSession();
    },
    onSettled: () => {
      queryClient.removeQueries({ queryKey: accountScope });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
