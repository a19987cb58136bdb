import type { OptionsView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Instant } from '@planshift/shared/periods';
import type { QuoteResult } from '@planshift/shared/quote';
import { useOutletContext } from 'react-router';
import type { CatalogNames } from '../../domain-text/catalog-names';
import type { ChangeStep } from './change-steps';
import type { Selection } from './selection';
import type { Agreement } from './server-agreement';
import type { ServerQuote } from './use-server-quote';

/** What every step of the change flow shares, from the layout that owns the selection and the quotes. */
export type ChangeFlow = Readonly<{
  options: OptionsView;
  names: CatalogNames;
  selection: Selection;
  /** Changes part of the selection; typing replaces the history entry, choosing adds one. */
  select: (patch: Partial<Selection>, how?: Readonly<{ replace?: boolean }>) => void;
  /** Where a step is, with the selection. */
  linkTo: (step: ChangeStep) => string;
  /** The steps this choice goes through (a flat-price plan has no seats step). */
  steps: readonly ChangeStep[];
  request: ChangeRequest;
  /** Wanted add-ons the chosen plan cannot have, left out of the request. */
  dropped: readonly string[];
  live: QuoteResult;
  now: () => Instant;
  server: ServerQuote;
  agreement: Agreement;
}>;

export const useChangeFlow = (): ChangeFlow => useOutletContext<ChangeFlow>();
