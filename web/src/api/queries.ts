import type { ConfirmationView, SessionView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import { queryOptions, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiFailure } from './api-failure';
import {
  cancelScheduledChange,
  confirmChange,
  createQuote,
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
    quotes: () => ['account', 'quote'] as const,
    /** The server's quote for one requested target (add-ons in id order, so equal requests share it). */
    quote: (change: ChangeRequest | null) => ['account', 'quote', change] as const,
    /** A confirmed change's answer, kept for its result page. */
    confirmation: (changeId: string) => ['account', 'confirmation', changeId] as const,
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

// A stored quote is honoured for 30 minutes; asking again well before then keeps Confirm on a live one.
const QUOTE_FRESH_MS = 10 * 60_000;

/** The server's quote for a target state: POST /api/quotes, cached per request; null asks nothing. */
export const quoteQuery = (change: ChangeRequest | null) =>
  queryOptions({
    queryKey: queryKeys.account.quote(change),
    queryFn: change ? () => createQuote(change) : skipToken,
    staleTime: QUOTE_FRESH_MS,
    gcTime: QUOTE_FRESH_MS,
    refetchOnWindowFocus: false,
  });

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

/**
 * Confirms a quote with an Idempotency-Key. Whatever the outcome, the account may have moved (or
 * a declined attempt was recorded), so the account's data is fetched again.
 */
export function useConfirmChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, idempotencyKey }: Readonly<{ quoteId: string; idempotencyKey: string }>) =>
      confirmChange(quoteId, idempotencyKey),
    onSuccess: (confirmation: ConfirmationView) => {
      queryClient.setQueryData(queryKeys.account.confirmation(confirmation.changeId), confirmation);
      // Every quote was priced from the subscription as it was before: ask again when one is next shown.
      void queryClient.invalidateQueries({ queryKey: queryKeys.account.quotes(), refetchType: 'none' });
    },
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: queryKeys.account.all(),
        // A confirmation is not refetchable (it is the answer itself); quotes are handled by the caller.
        predicate: (query) => query.queryKey[1] !== 'confirmation' && query.queryKey[1] !== 'quote',
      }),
  });
}
