import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressObject, ParsedMail } from 'mailparser';
import { wallMs } from '../clock';

export type MailboxAttachmentInfo = Readonly<{ index: number; filename: string; contentType: string; size: number }>;

export type MailboxEntry = Readonly<{
  id: string;
  /** The message's Date header, ISO 8601. */
  date: string | null;
  from: string;
  to: readonly string[];
  subject: string;
  messageId: string | null;
  attachments: readonly MailboxAttachmentInfo[];
}>;

export type MailboxMessage = MailboxEntry & Readonly<{ html: string | null; text: string | null }>;

export type MailboxAttachment = Readonly<{ filename: string; contentType: string; content: Buffer }>;

/**
 * An id is the time the message arrived (UTC, to the millisecond), a per-process sequence and
 * random bytes: ids sort by arrival, two processes never collide, and the strict pattern is
 * all a path ever contains, so no id can leave the directory.
 */
const ID_PATTERN = /^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{8}$/;

/** Whether the text has the shape of a mailbox message id (and so is safe as a file name). */
export function isMailboxId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** Sent development mail, one RFC 5322 `.eml` file per message, readable by any mail client. */
export class DevMailbox {
  #sequence = 0;
  #lastMs = 0;

  constructor(readonly directory: string) {}

  /** Stores one raw message and answers its id. */
  async save(raw: Buffer): Promise<string> {
    // Never go back in time, so that ids written by this process keep their order even if the clock is set back.
    this.#lastMs = Math.max(wallMs(), this.#lastMs);
    this.#sequence = (this.#sequence + 1) % 1_000_000;
    const stamp = new Date(this.#lastMs).toISOString().replace(/[-:.]/g, '');
    const id = `${stamp}-${String(this.#sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
    await mkdir(this.directory, { recursive: true });
    await writeFile(this.#path(id), raw, { flag: 'wx' });
    return id;
  }

  /**
   * Every message, newest first by its Date header (the clock of the world that sent it, which a
   * test clock may have set anywhere), then by arrival.
   */
  async list(): Promise<MailboxEntry[]> {
    const ids = (await this.#ids()).sort().reverse();
    const entries = await Promise.all(ids.map(async (id) => this.#parse(id)));
    const listed = entries.flatMap((parsed) => (parsed ? [entry(parsed.id, parsed.mail)] : []));
    // A stable sort keeps arrival order among messages dated alike.
    return listed.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  }

  /** Removes every message (a scenario's reset or deletion). */
  async clear(): Promise<void> {
    await Promise.all((await this.#ids()).map((id) => rm(this.#path(id), { force: true })));
  }

  async read(id: string): Promise<MailboxMessage | null> {
    const parsed = await this.#parse(id);
    if (!parsed) return null;
    const { mail } = parsed;
    return { ...entry(id, mail), html: mail.html || null, text: mail.text ?? null };
  }

  async attachment(id: string, index: number): Promise<MailboxAttachment | null> {
    const found = (await this.#parse(id))?.mail.attachments[index];
    if (!found) return null;
    return { filename: attachmentName(found.filename, index), contentType: found.contentType, content: found.content };
  }

  async #ids(): Promise<string[]> {
    try {
      const names = await readdir(this.directory);
      return names.flatMap((name) =>
        name.endsWith('.eml') && isMailboxId(name.slice(0, -4)) ? [name.slice(0, -4)] : [],
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async #parse(id: string): Promise<{ id: string; mail: ParsedMail } | null> {
    if (!isMailboxId(id)) return null;
    let raw: Buffer;
    try {
      raw = await readFile(this.#path(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Loaded when the mailbox is first read: the parser is a large part of the built BFF's start-up.
    const { simpleParser } = await import('mailparser');
    return { id, mail: await simpleParser(raw) };
  }

  #path(id: string): string {
    return join(this.directory, `${id}.eml`);
  }
}

function entry(id: string, mail: ParsedMail): MailboxEntry {
  return {
    id,
    date: mail.date?.toISOString() ?? null,
    from: mail.from?.text ?? '',
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    messageId: mail.messageId ?? null,
    attachments: mail.attachments.map((a, index) => ({
      index,
      filename: attachmentName(a.filename, index),
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.flatMap((a) => (a.address ? [a.address] : [])));
}

function attachmentName(filename: string | undefined, index: number): string {
  return filename ?? `attachment-${index + 1}`;
}
