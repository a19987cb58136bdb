import type { Locale } from '@planshift/shared/account';
import { DOCUMENT_LABELS } from '../documents/document-labels';
import { escapeHtml } from './escape-html';

export type EmailBlock =
  | Readonly<{ kind: 'paragraph'; text: string }>
  | Readonly<{ kind: 'list'; heading: string | null; items: readonly string[] }>
  | Readonly<{ kind: 'facts'; rows: readonly (readonly [label: string, value: string])[] }>;

/** An e-mail as a few kinds of block, so that its text and HTML parts always say the same. */
export type EmailLayout = Readonly<{
  locale: Locale;
  subject: string;
  greeting: string;
  blocks: readonly EmailBlock[];
  signOff: string;
}>;

/** The plain-text part: what text-only clients show and what spam filters compare with the HTML. */
export function renderText(layout: EmailLayout): string {
  const blocks = layout.blocks.map((block) => blockText(block, layout.locale));
  return `${[layout.greeting, ...blocks, layout.signOff].join('\n\n')}\n`;
}

/** The HTML part: inline styles only, because most mail clients drop <style> and external CSS. */
export function renderHtml(layout: EmailLayout): string {
  return [
    '<!doctype html>',
    `<html lang="${layout.locale}"><head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#111;max-width:600px">',
    `<p>${escapeHtml(layout.greeting)}</p>`,
    ...layout.blocks.map(blockHtml),
    `<p>${escapeHtml(layout.signOff)}</p>`,
    '</body></html>',
  ].join('\n');
}

function blockText(block: EmailBlock, locale: Locale): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'list':
      return [...(block.heading ? [block.heading] : []), ...block.items.map((item) => `- ${item}`)].join('\n');
    case 'facts': {
      const field = DOCUMENT_LABELS[locale].field;
      // One pass with a function replacer: a "$" or a "{value}" inside a value stays as it is.
      return block.rows
        .map(([label, value]) => field.replace(/\{(label|value)\}/g, (_, slot) => (slot === 'label' ? label : value)))
        .join('\n');
    }
  }
}

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
      const heading = block.heading ? `<p style="margin-bottom:4px">${escapeHtml(block.heading)}</p>` : '';
      return `${heading}<ul style="margin-top:0">${items}</ul>`;
    }
    case 'facts': {
      const rows = block.rows.map(
        ([label, value]) =>
          `<tr><td style="padding:2px 16px 2px 0;color:#555">${escapeHtml(label)}</td>` +
          `<td style="padding:2px 0;text-align:right;white-space:nowrap">${escapeHtml(value)}</td></tr>`,
      );
      return `<table role="presentation" style="border-collapse:collapse;margin:12px 0">${rows.join('')}</table>`;
    }
  }
}
