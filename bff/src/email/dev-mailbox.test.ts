import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devMailboxRoutes } from '../qa/mailbox-routes';
import { DevMailbox, isMailboxId, type MailboxEntry } from './dev-mailbox';
import { tinyPdf } from './email-test-fixtures';
import { createMailTransport, type MailTransport } from './mail-transport';

describe('development mailbox', () => {
  let dir: string;
  let mailbox: DevMailbox;
  let transport: MailTransport;
  let pdf: Buffer;
  const app = () => devMailboxRoutes(mailbox);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planshift-mailbox-'));
    mailbox = new DevMailbox(join(dir, 'mailbox'));
    transport = createMailTransport({ mailbox });
    pdf ??= await tinyPdf('INV-2026-000012');
  });

  afterEach(async () => {
    transport.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function send(subject: string, html = '<p>Hello <b>Maria</b> &amp; co</p>') {
    return transport.sendMail({
      from: 'Planshift <billing@planshift.example>',
      to: 'maria@elaionas.example',
      subject,
      text: 'Hello Maria & co',
      html,
      messageId: `<outbox-${subject.length}@planshift.local>`,
      attachments: [{ filename: 'INV-2026-000012.pdf', content: pdf, contentType: 'application/pdf' }],
    });
  }

  async function onlyEntry(): Promise<MailboxEntry> {
    const [entry] = await mailbox.list();
    if (!entry) throw new Error('the mailbox is empty');
    return entry;
  }

  it('keeps each message as an .eml file with CRLF line ends', async () => {
    await send('Η αλλαγή της συνδρομής σας επιβεβαιώθηκε');
    const files = await readdir(join(dir, 'mailbox'));
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file && isMailboxId(file.replace(/\.eml$/, ''))).toBe(true);
    const raw = await readFile(join(dir, 'mailbox', file ?? ''), 'latin1');
    expect(raw).toContain('\r\nMessage-ID: <outbox-40@planshift.local>\r\n');
  });

  it('lists messages newest first', async () => {
    await send('First');
    await send('Second');
    const list = await mailbox.list();
    expect(list.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(list[0]).toMatchObject({
      to: ['maria@elaionas.example'],
      messageId: '<outbox-6@planshift.local>',
      attachments: [{ index: 0, filename: 'INV-2026-000012.pdf', contentType: 'application/pdf' }],
    });
    const [newer, older] = list;
    expect(newer && older && newer.id > older.id).toBe(true);
  });

  it('shows the list and a message as escaped HTML, the body in a sandboxed frame', async () => {
    await send('<script>alert(1)</script> & "quotes"');
    const { id } = await onlyEntry();

    const list = await app().request('/dev/mailbox');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^text\/html/);
    const listHtml = await list.text();
    expect(listHtml).not.toContain('<script>');
    expect(listHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(listHtml).toContain(`href="/dev/mailbox/${id}"`);
    expect(listHtml).toContain(`href="/dev/mailbox/${id}/attachments/0"`);

    const page = await (await app().request(`/dev/mailbox/${id}`)).text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('<iframe sandbox="" title="Message body" srcdoc="');
    expect(page).toContain('srcdoc="&lt;p&gt;Hello &lt;b&gt;Maria&lt;/b&gt; &amp;amp; co&lt;/p&gt;"');
    expect(page).toContain('&lt;outbox-');
  });

  it('serves an attachment as a download with its type and name', async () => {
    await send('With PDF');
    const { id } = await onlyEntry();
    const response = await app().request(`/dev/mailbox/${id}/attachments/0`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="INV-2026-000012.pdf"; filename*=UTF-8''INV-2026-000012.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('answers 404 for unknown or malformed ids and attachment indexes', async () => {
    await send('Only');
    const { id } = await onlyEntry();
    const unknown = id.replace(/-[0-9a-f]{8}$/, '-00000000');
    for (const path of [
      `/dev/mailbox/${unknown}`,
      '/dev/mailbox/..%2F..%2Fpackage.json',
      `/dev/mailbox/..%2Fmailbox%2F${id}`,
      `/dev/mailbox/${id}.eml`,
      `/dev/mailbox/${id}/attachments/1`,
      `/dev/mailbox/${id}/attachments/-1`,
      `/dev/mailbox/${id}/attachments/..%2F0`,
      '/dev/mailbox/..%2F..%2Fpackage.json/attachments/0',
    ]) {
      expect((await app().request(path)).status, path).toBe(404);
    }
  });

  it('reads a message with its HTML and text', async () => {
    await send('Readable');
    const { id } = await onlyEntry();
    expect(await mailbox.read(id)).toMatchObject({
      id,
      subject: 'Readable',
      text: 'Hello Maria & co',
      html: '<p>Hello <b>Maria</b> &amp; co</p>',
    });
  });

  it('lists by the Date the sender gave, which a scenario’s clock sets, not by arrival', async () => {
    await transport.sendMail({
      from: 'a@x.example',
      to: 'b@x.example',
      subject: 'Dated later',
      date: new Date('2027-01-02T00:00:00Z'),
    });
    await transport.sendMail({
      from: 'a@x.example',
      to: 'b@x.example',
      subject: 'Dated earlier',
      date: new Date('2026-11-20T00:00:00Z'),
    });
    expect((await mailbox.list()).map((m) => [m.subject, m.date])).toEqual([
      ['Dated later', '2027-01-02T00:00:00.000Z'],
      ['Dated earlier', '2026-11-20T00:00:00.000Z'],
    ]);
  });

  it('is emptied by clear, and receives again after', async () => {
    await send('Before');
    await mailbox.clear();
    expect(await mailbox.list()).toEqual([]);
    await send('After');
    expect((await mailbox.list()).map((m) => m.subject)).toEqual(['After']);
  });

  it('is empty before the first message, even without a directory', async () => {
    expect(await mailbox.list()).toEqual([]);
    expect(await (await app().request('/dev/mailbox')).text()).toContain('No messages yet.');
  });
});
