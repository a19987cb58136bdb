import { findPlan } from '@planshift/shared/catalog';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { blockerMessage } from '../../i18n/reasons';
import { ErrorNotice } from '../../ui/error-notice';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOptions } from './api/change-plan';
import './change-plan.css';
import { useCatalogNames } from '../../domain-text/catalog-names';
import type { ChangeFlow as Flow } from './change-flow-context';
import { type ChangeStep, type StepState, stepAt, stepPath, stepStates, stepsFor } from './change-steps';
import { priceLocallyTimed } from './price-locally';
import { QuoteGlance } from './quote-glance';
import { QuoteSummary } from './quote-summary';
import { readSelection, requestFor, type Selection, selectionSearch } from './selection';
import { agreementOf } from './server-agreement';
import { useServerNow } from './use-server-now';
import { useServerQuote } from './use-server-quote';

const STEP_LABELS = {
  plan: 'changePlan.steps.plan',
  seats: 'changePlan.steps.seats',
  'add-ons': 'changePlan.steps.addOns',
  review: 'changePlan.steps.review',
} as const satisfies Record<ChangeStep, string>;

/**
 * The change flow (product.md §1): the steps under /change with the selection in the URL, and
 * beside every step the live quote, priced in the browser at the server's instant.
 */
export function ChangeFlowLayout() {
  const options = useOptions();
  const clock = useServerNow();
  if (options.isPending || !clock.ready) return <Loading />;
  if (options.isError) return <ErrorNotice error={options.error} onRetry={() => void options.refetch()} />;
  if (options.data.options.blockers.length > 0) return <ChangeBlocked options={options.data} />;
  return <ChangeFlowSteps options={options.data} now={clock.now} />;
}

/** Whether the flow starts an ended subscription again (the engine prices a new period from now). */
const isRestart = (options: Flow['options']) => options.subscription.status === 'canceled';

/** The way back and the page's heading: the same on every step and when change is blocked. */
function ChangeHeading({ restart }: Readonly<{ restart: boolean }>) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to={paths.account}>{t('changePlan.back')}</Link>
      </p>
      <h1>{restart ? t('cancellation.restart.title') : t('changePlan.title')}</h1>
    </>
  );
}

/** Self-service change is not possible: every reason, and the way back. */
function ChangeBlocked({ options }: Readonly<{ options: Flow['options'] }>) {
  const { t } = useTranslation();
  useDocumentTitle(isRestart(options) ? t('cancellation.restart.title') : t('changePlan.title'));
  const names = useCatalogNames(options.catalog);
  return (
    <div className="change-plan">
      <ChangeHeading restart={isRestart(options)} />
      <div className="notice notice-warning">
        <p>{t('changePlan.blocked')}</p>
        <ul>
          {options.options.blockers.map((blocker) => (
            <li key={blocker.reason}>{blockerMessage(t, blocker, names.plan)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** One step in the steps list: done, current, ahead, with a problem (said, never "done"), or locked behind one. */
function StepLink({
  to,
  number,
  label,
  state,
  current,
}: Readonly<{ to: string; number: number; label: string; state: StepState; current: boolean }>) {
  const { t } = useTranslation();
  const status = state === 'problem' ? t('stepStatus.problem') : state === 'locked' ? t('stepStatus.locked') : null;
  const content = (
    <>
      <span className="step-number" aria-hidden={state === 'problem' || undefined}>
        {state === 'problem' ? '!' : number}
      </span>{' '}
      {label}
      {status && <span className="visually-hidden"> ({status})</span>}
    </>
  );
  return (
    <li className={`step step-${state}`}>
      {state === 'locked' ? (
        <span className="step-link">{content}</span>
      ) : (
        <Link className="step-link" to={to} aria-current={current ? 'step' : undefined}>
          {content}
        </Link>
      )}
    </li>
  );
}

function ChangeFlowSteps({ options, now }: Readonly<{ options: Flow['options']; now: Flow['now'] }>) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const step = stepAt(location.pathname);
  const names = useCatalogNames(options.catalog);
  const selection = useMemo(() => readSelection(params, options.subscription), [params, options.subscription]);
  const search = selectionSearch(selection);
  const { request, dropped } = useMemo(() => requestFor(selection, options.catalog), [selection, options.catalog]);
  // A pure derivation over the engine on every input: no effect, no request (style.md, Web).
  const live = useMemo(() => priceLocallyTimed(options, request, now()), [options, request, now]);
  const server = useServerQuote(live.ok ? request : null);
  const { view, error, retry } = server;
  const agreement = useMemo(
    () => agreementOf(options, live.ok ? request : null, { view, error, retry }),
    [options, live.ok, request, view, error, retry],
  );

  // A choice within a step updates the URL synchronously: the control a person just used shows
  // its new state at once (a transition would let React put the old value back for a moment).
  const select = useCallback<Flow['select']>(
    (patch: Partial<Selection>, how) => {
      const replace = how?.replace ?? false;
      setParams(new URLSearchParams(selectionSearch({ ...selection, ...patch })), { replace, flushSync: replace });
    },
    [selection, setParams],
  );
  const linkTo = useCallback((target: ChangeStep) => `${stepPath(target)}${search}`, [search]);

  // Moving between steps puts the focus on the new step's heading, as a page load would.
  const main = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    main.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [step]);

  const steps = stepsFor(findPlan(options.catalog, selection.planId));
  const states = stepStates(steps, step, live);
  const flow: Flow = {
    options,
    names,
    selection,
    select,
    linkTo,
    steps,
    request,
    dropped,
    live,
    now,
    server,
    agreement,
  };
  // A flat-price plan has no seats step: a link to it goes on to the add-ons.
  if (!steps.includes(step)) return <Navigate to={linkTo('add-ons')} replace />;
  return (
    <div className="change-plan">
      <ChangeHeading restart={isRestart(options)} />
      <p>{isRestart(options) ? t('cancellation.restart.intro') : t('changePlan.intro')}</p>
      <nav aria-label={t('changePlan.steps.label')}>
        <ol className="steps">
          {steps.map((each, index) => (
            <StepLink
              key={each}
              to={linkTo(each)}
              number={index + 1}
              label={t(STEP_LABELS[each])}
              state={states.get(each) ?? 'ahead'}
              current={each === step}
            />
          ))}
        </ol>
      </nav>
      <div className="change-layout">
        <div className="change-main" ref={main}>
          <Outlet context={flow} />
          <QuoteGlance live={live} />
        </div>
        <QuoteSummary options={options} names={names} request={request} live={live} agreement={agreement} />
      </div>
    </div>
  );
}
