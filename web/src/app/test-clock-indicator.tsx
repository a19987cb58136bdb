import { useTranslation } from 'react-i18next';
import { useClock } from '../api/clock';
import { useFormat } from '../i18n/format';

/** While the system runs on a test clock (QA), says what time the whole system believes it is. */
export function TestClockIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const clock = useClock();
  if (!clock.data?.testClock) return null;
  return (
    <p className="test-clock" role="status">
      {t('testClock.label', { date: format.date(clock.data.now), time: format.time(clock.data.now) })}
    </p>
  );
}
