import { type Context, Hono } from 'hono';
import { type DevMailbox, isMailboxId, type MailboxEntry, type MailboxMessage } from '../email/dev-mailbox';
import { escapeHtml as h } from '../email/escape-html';
import { attachmentResponse } from './attachment-response';

const INDEX_PATTERN = /^\d{1,4}$/;

/**
 * The development mailbox in the browser (/dev/mailbox): the world's (a browser signed in to a
 * scenario sees the scenario's). Mount it outside production only: it shows every e-mail the
 * world sent. Tests read it as JSON at /api/test/mailbox.
 */
export function devMailboxRoutes(mailbox: DevMailbox): Hono {
  const app = new Hono();

  app.get('/dev/mailbox', async (c) => page(c, 'Mailbox', listBody(await mailbox.list())));

  app.get('/dev/mailbox/:id', async (c) => {
    const message = isMailboxId(c.req.param('id')) ? await mailbox.read(c.req.param('id')) : null;
    if (!message)
      return page(c, 'Not found', '<p>No such message. <a href="/dev/mailbox">Back to the mailbox</a></p>', 404);
    return page(c, message.subject || '(no subject)', messageBody(message));
  });

  app.get('/dev/mailbox/:id/attachments/:index', async (c) => {
    const { id, index } = c.req.param();
    const found = isMailboxId(id) && INDEX_PATTERN.test(index) ? await mailbox.attachment(id, Number(index)) : null;
    return found ? attachmentResponse(c, found) : c.text('No such attachment.', 404);
  });

  return app;
}

function page(c: Context, title: string, body: string, status: 200 | 404 = 200): Response {
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(title)} · Dev mailbox</title>` +
      '<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse}' +
      'td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}' +
      'iframe{width:100%;height:70vh;border:1px solid #ccc}pre{white-space:pre-wrap}</style></head>' +
      `<body><h1>${h(title)}</h1>${body}</body></html>`,
    status,
  );
}

function listBody(entries: readonly MailboxEntry[]): string {
  if (entries.length === 0) return '<p>No messages yet.</p>';
  const rows = entries.map((entry) => {
    const link = `/dev/mailbox/${encodeURIComponent(entry.id)}`;
    return (
      `<tr><td>${h(entry.date ?? '')}</td><td>${h(entry.to.join(', '))}</td>` +
      `<td><a href="${h(link)}">${h(entry.subject || '(no subject)')}</a></td>` +
      `<td>${attachmentLinks(entry)}</td></tr>`
    );
  });
  return (
    '<table><thead><tr><th>Date (UTC)</th><th>To</th><th>Subject</th><th>Attachments</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function messageBody(message: MailboxMessage): string {
  const headers: [string, string][] = [
    ['Date', message.date ?? ''],
    ['From', message.from],
    ['To', message.to.join(', ')],
    ['Subject', message.subject],
    ['Message-ID', message.messageId ?? ''],
  ];
  const rows = headers.map(([name, value]) => `<tr><th>${h(name)}</th><td>${h(value)}</td></tr>`).join('');
  // An empty sandbox: the message's HTML gets no scripts, forms or same-origin access.
  const content =
    message.html !== null
      ? `<iframe sandbox="" title="Message body" srcdoc="${h(message.html)}"></iframe>`
      : `<pre>${h(message.text ?? '')}</pre>`;
  const attachments = message.attachments.length ? `<p>Attachments: ${attachmentLinks(message)}</p>` : '';
  return `<p><a href="/dev/mailbox">← All messages</a></p><table>${rows}</table>${attachments}${content}`;
}

function attachmentLinks(entry: MailboxEntry): string {
  return entry.attachments
    .map((a) => {
      const href = `/dev/mailbox/${encodeURIComponent(entry.id)}/attachments/${a.index}`;
      return `<a href="${h(href)}">${h(a.filename)}</a> <small>(${h(a.contentType)})</small>`;
    })
    .join(', ');
}
