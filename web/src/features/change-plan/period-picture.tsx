import { type Instant, type Period, SECONDS_PER_DAY } from '@planshift/shared/periods';
import type { Quote } from '@planshift/shared/quote';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { datesNeedYear, shortDateFormat } from './period-dates';

type Props = Readonly<{ quote: Quote; period: Period }>;

// The drawing's coordinates (viewBox units); text is 11 units high.
const WIDTH = 360;
const LEFT = 16;
const RIGHT = 344;
const BAR = { top: 30, middle: 46, bottom: 62 };
const COLOURS = { used: '#aeb6c2', credited: '#0e7a4a', charged: '#1d4ed8', rest: '#e6e9ee', ink: '#1c2430' };

/**
 * The billing period as a picture (role img, with the same facts in its title and description):
 * start and end, today, the used part, the unused part credited, the remaining part charged, and
 * where the next bill falls. A new interval starting today points past the period to its bill.
 */
export function PeriodPicture({ quote, period }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { title: useId(), desc: useId() };
  const today = Math.min(Math.max(quote.quotedAt, period.start), period.end);
  const credited = quote.lines.some((line) => line.kind === 'credit_unused_time');
  const charged = quote.lines.some((line) => line.kind === 'charge_remaining_time');
  const newPeriod = quote.lines.some((line) => line.kind === 'charge_full_period');
  const billLater = quote.nextBill.date > period.end;
  const end = billLater ? RIGHT - 52 : RIGHT;
  const x = (instant: Instant) => LEFT + ((instant - period.start) / (period.end - period.start)) * (end - LEFT);
  const xToday = x(today);
  const xBill = billLater ? RIGHT : x(quote.nextBill.date);
  // The marks say the year when it is needed: an annual period, or dates outside the current year.
  const withYear = datesNeedYear([period.start, period.end, quote.nextBill.date], quote.quotedAt);
  const short = shortDateFormat(format.locale, withYear);
  const shortDate = (instant: Instant) => short.format(instant * 1000);
  const days = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 });
  const dayCount = (seconds: number) => days.format(seconds / SECONDS_PER_DAY);

  const facts = [
    t('changePlan.picture.today', {
      date: format.date(quote.quotedAt),
      used: dayCount(today - period.start),
      total: dayCount(period.end - period.start),
    }),
    credited && t('changePlan.picture.credited', { days: dayCount(period.end - today) }),
    charged && t('changePlan.picture.charged', { days: dayCount(period.end - today) }),
    newPeriod && t('changePlan.picture.newPeriod'),
    !credited && !charged && !newPeriod && t('changePlan.picture.nothingNow'),
    quote.scheduled && t('changePlan.picture.scheduled', { date: format.date(quote.scheduled.effectiveAt) }),
    t('changePlan.picture.nextBill', { date: format.date(quote.nextBill.date) }),
  ].filter((fact): fact is string => typeof fact === 'string');

  const legend = [
    { colour: COLOURS.used, label: t('changePlan.picture.legendUsed') },
    credited && { colour: COLOURS.credited, label: t('changePlan.picture.legendCredited') },
    (charged || newPeriod) && { colour: COLOURS.charged, label: t('changePlan.picture.legendCharged') },
  ].filter((entry): entry is { colour: string; label: string } => Boolean(entry));

  return (
    <svg
      className="period-picture"
      role="img"
      viewBox={`0 0 ${WIDTH} 132`}
      aria-labelledby={ids.title}
      aria-describedby={ids.desc}
    >
      <title id={ids.title}>
        {t('changePlan.picture.title', { start: format.date(period.start), end: format.date(period.end) })}
      </title>
      <desc id={ids.desc}>{facts.join(' ')}</desc>
      <g fontSize="11" fill={COLOURS.ink}>
        <rect x={LEFT} y={BAR.top} width={end - LEFT} height={BAR.bottom - BAR.top} fill={COLOURS.rest} rx="3" />
        <rect x={LEFT} y={BAR.top} width={xToday - LEFT} height={BAR.bottom - BAR.top} fill={COLOURS.used} rx="3" />
        {credited && (
          <rect x={xToday} y={BAR.top} width={end - xToday} height={BAR.middle - BAR.top} fill={COLOURS.credited} />
        )}
        {charged && (
          <rect
            x={xToday}
            y={BAR.middle}
            width={end - xToday}
            height={BAR.bottom - BAR.middle}
            fill={COLOURS.charged}
          />
        )}
        {newPeriod && (
          <path d={`M ${xToday} ${BAR.bottom + 4} H ${RIGHT - 4}`} stroke={COLOURS.charged} strokeWidth="3" />
        )}
        <line x1={xToday} x2={xToday} y1={BAR.top - 8} y2={BAR.bottom + 8} stroke={COLOURS.ink} strokeWidth="2" />
        <text
          x={Math.min(Math.max(xToday, LEFT + 18), RIGHT - 18)}
          y={BAR.top - 12}
          textAnchor="middle"
          fontWeight="600"
        >
          {t('changePlan.picture.todayMark')}
        </text>
        <text x={LEFT} y={BAR.bottom + 20}>
          {shortDate(period.start)}
        </text>
        <text x={end} y={BAR.bottom + 20} textAnchor="end">
          {shortDate(period.end)}
        </text>
        {billLater && (
          <path
            d={`M ${end + 4} ${BAR.middle} H ${RIGHT}`}
            stroke={COLOURS.ink}
            strokeWidth="1.5"
            strokeDasharray="3 3"
          />
        )}
        <path d={`M ${xBill} ${BAR.top - 4} l -5 -8 h 10 z`} fill={COLOURS.ink} />
        <text x={xBill} y={BAR.bottom + 36} textAnchor="end">
          {t('changePlan.picture.nextBillMark', { date: shortDate(quote.nextBill.date) })}
        </text>
        {legend.map((entry, i) => (
          <g key={entry.label} transform={`translate(${LEFT + i * 112} 116)`}>
            <rect width="12" height="12" y="-10" fill={entry.colour} rx="2" />
            <text x="17">{entry.label}</text>
          </g>
        ))}
      </g>
    </svg>
  );
}
