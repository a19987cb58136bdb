import type { Context } from 'hono';
import type { MailboxAttachment } from '../email/dev-mailbox';

const CONTENT_TYPE_PATTERN = /^[\w.+-]+\/[\w.+-]+$/;

/** A mailbox attachment as sent, never shown inline: a text/html one would otherwise run on this origin. */
export function attachmentResponse(c: Context, found: MailboxAttachment): Response {
  return c.body(new Uint8Array(found.content), 200, {
    'Content-Type': CONTENT_TYPE_PATTERN.test(found.contentType) ? found.contentType : 'application/octet-stream',
    'Content-Disposition': contentDisposition(found.filename),
    'Cache-Control': 'no-store',
  });
}

/** An ASCII fallback name for old clients, and the exact name in RFC 5987 form (filename*). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
