import type { DocumentSummaryView } from '@planshift/shared/api';
import { shownAmount } from '@planshift/shared/documents';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPdfUrl } from '../../api/client';
import { useFormat } from '../../i18n/format';

/** The invoice and credit-note history, newest first, each downloadable as a PDF. */
export function DocumentsTable({ documents }: Readonly<{ documents: readonly DocumentSummaryView[] }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.documents.heading')}</h2>
      {documents.length === 0 ? (
        <p>{t('account.documents.empty')}</p>
      ) : (
        // Scrolls sideways on a narrow screen; focusable so a keyboard can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" aria-labelledby={headingId} tabIndex={0}>
          <table className="documents">
            <thead>
              <tr>
                <th scope="col">{t('account.documents.number')}</th>
                <th scope="col">{t('account.documents.kind')}</th>
                <th scope="col">{t('account.documents.date')}</th>
                <th scope="col" className="numeric">
                  {t('account.documents.total')}
                </th>
                <th scope="col">{t('account.documents.status')}</th>
                <th scope="col">{t('account.documents.pdf')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id}>
                  <th scope="row">{doc.number}</th>
                  <td>{t(`account.documents.kinds.${doc.kind}`)}</td>
                  <td>{format.date(doc.issuedAt)}</td>
                  <td className="numeric">{format.money(shownAmount(doc.kind, doc.total))}</td>
                  <td>
                    <span className={`badge badge-${doc.status}`}>{t(`account.documents.statuses.${doc.status}`)}</span>
                  </td>
                  <td>
                    <a href={documentPdfUrl(doc.id)} download>
                      {t('account.documents.download')}
                      <span className="visually-hidden"> {doc.number}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
