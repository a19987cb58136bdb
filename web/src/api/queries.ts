import type { SessionView } from '@planshift/bff/api-types';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiFailure } from './api-failure';
import {
  cancelScheduledChange,
  getAccount,
  getClock,
  getDocuments,
  getOptions,
  getPersonas,
  getSession,
  payInvoice,
  signIn,
  signOut,
} from './client';

/**
 * Every query key, in one factory: the signed-in account's data lives under `account`, so a
 * mutation invalidates it with one key and signing out removes it with one key.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  clock: () => ['clock'] as const,
  personas: () => ['personas'] as const,
  account: {
    all: () => ['account'] as const,
    view: () => ['account', 'view'] as const,
    documents: () => ['account', 'documents'] as const,
    options: () => ['account', 'options'] as const,
  },
};

/** The session, or null when nobody is signed in (the 401 is an answer here, not a failure). */
export const sessionQuery = () =>
  queryOptions({
    queryKey: queryKeys.session(),
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

export const accountQuery = () => queryOptions({ queryKey: queryKeys.account.view(), queryFn: getAccount });
export const documentsQuery = () =>
  queryOptions({ queryKey: queryKeys.account.documents(), queryFn: getDocuments, select: (body) => body.documents });
export const optionsQuery = () => queryOptions({ queryKey: queryKeys.account.options(), queryFn: getOptions });
export const clockQuery = () => queryOptions({ queryKey: queryKeys.clock(), queryFn: getClock });
export const personasQuery = () =>
  queryOptions({ queryKey: queryKeys.personas(), queryFn: getPersonas, staleTime: Number.POSITIVE_INFINITY });

export const useSession = () => useQuery(sessionQuery());
export const useAccount = (enabled = true) => useQuery({ ...accountQuery(), enabled });
export const useDocuments = () => useQuery(documentsQuery());
export const useOptions = (enabled = true) => useQuery({ ...optionsQuery(), enabled });
export const useClock = () => useQuery(clockQuery());
export const usePersonas = () => useQuery(personasQuery());

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: Readonly<{ email: string; password: string }>) => signIn(email, password),
    onSuccess: (session) => {
      // Another person's account must never show, not even for a frame.
      queryClient.removeQueries({ queryKey: queryKeys.account.all() });
      queryClient.setQueryData(queryKeys.session(), session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: queryKeys.account.all() });
      queryClient.setQueryData(queryKeys.session(), null);
    },
  });
}

export function usePayInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) => payInvoice(invoiceId),
    // A decline records a failed attempt too, so refresh either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.account.all() }),
  });
}

export function useCancelScheduledChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelScheduledChange,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.account.all() }),
  });
}
