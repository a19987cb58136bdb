import type { DocumentSummaryView } from '@planshift/shared/api';
import { shownAmount } from '@planshift/shared/documents';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPdfUrl } from '../../api/client';
import { useFormat } from '../../i18n/format';

const COLUMNS = ['number', 'kind', 'date', 'total', 'status', 'pdf'] as const;

/** A cell that, shown as part of a card on a phone, names its column (the header row is hidden there). */
function Cell({ label, className, children }: Readonly<{ label?: string; className?: string; children: ReactNode }>) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: a table shown as cards keeps its semantics only through explicit roles
    <td role="cell" className={className}>
      {label && (
        <span className="cell-label" aria-hidden="true">
          {label}
        </span>
      )}
      {children}
    </td>
  );
}

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
        // On a phone each row is a card (styles.css): the roles keep it a table for assistive
        // technology whatever its display, and each cell names its column for the eye.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" aria-labelledby={headingId} tabIndex={0}>
          {/* biome-ignore lint/a11y/noRedundantRoles: a table shown as cards keeps its semantics only through explicit roles; named like its card */}
          <table className="documents" role="table" aria-labelledby={headingId}>
            {/* biome-ignore lint/a11y/noRedundantRoles: as above */}
            <thead role="rowgroup">
              {/* biome-ignore lint/a11y/noRedundantRoles: as above */}
              <tr role="row">
                {COLUMNS.map((column) => (
                  <th
                    key={column}
                    scope="col"
                    // biome-ignore lint/a11y/noRedundantRoles: as above
                    role="columnheader"
                    className={column === 'total' ? 'numeric' : undefined}
                  >
                    {t(`account.documents.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            {/* biome-ignore lint/a11y/noRedundantRoles: as above */}
            <tbody role="rowgroup">
              {documents.map((doc) => (
                // biome-ignore lint/a11y/noRedundantRoles: as above
                <tr key={doc.id} role="row">
                  {/* biome-ignore lint/a11y/noRedundantRoles: as above */}
                  <th scope="row" role="rowheader">
                    {doc.number}
                  </th>
                  <Cell label={t('account.documents.kind')}>{t(`account.documents.kinds.${doc.kind}`)}</Cell>
                  <Cell label={t('account.documents.date')}>{format.date(doc.issuedAt)}</Cell>
                  <Cell label={t('account.documents.total')} className="numeric">
                    {format.money(shownAmount(doc.kind, doc.total))}
                  </Cell>
                  <Cell label={t('account.documents.status')}>
                    <span className={`badge badge-${doc.status}`}>{t(`account.documents.statuses.${doc.status}`)}</span>
                    {doc.paidAt !== null && (
                      <span className="paid-on">{t('paymentMethods.paidOn', { date: format.date(doc.paidAt) })}</span>
                    )}
                  </Cell>
                  <Cell className="document-download">
                    <a href={documentPdfUrl(doc.id)} download>
                      {t('account.documents.download')}
                      <span className="visually-hidden"> {doc.number}</span>
                    </a>
                  </Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
