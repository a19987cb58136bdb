import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page, with every kind of space folded to one plain space. */
export async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) {
      if ('str' in item) pages.push(item.str, item.hasEOL ? ' ' : '');
    }
  }
  await pdf.destroy();
  return normalise(pages.join(''));
}

export function normalise(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
