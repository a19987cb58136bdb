import type { MailboxEntryView } from '@planshift/shared/api';
import { describe, expect, it } from 'vitest';
import { describeMail, matchesMail } from './mail-match';

const receipt: MailboxEntryView = {
  id: 'm1',
  date: '2026-11-15T10:00:00.000Z',
  from: 'billing@planshift.local',
  to: ['Maria@Northwind.example'],
  subject: 'Receipt for your payment of invoice INV-0003',
  messageId: null,
  attachments: [],
};

describe('a message to wait for', () => {
  it('is matched by address, in any case, and by subject, exactly or by pattern', () => {
    expect(matchesMail(receipt, {})).toBe(true);
    expect(matchesMail(receipt, { to: 'maria@northwind.example' })).toBe(true);
    expect(matchesMail(receipt, { to: 'tom@northwind.example' })).toBe(false);
    expect(matchesMail(receipt, { subject: 'Receipt for your payment of invoice INV-0003' })).toBe(true);
    expect(matchesMail(receipt, { subject: 'Receipt' })).toBe(false);
    expect(matchesMail(receipt, { to: 'maria@northwind.example', subject: /^Receipt/ })).toBe(true);
  });

  it('is said in words when it is not found', () => {
    expect(describeMail({ to: 'maria@northwind.example', subject: /^Receipt/ })).toBe(
      'a message to maria@northwind.example with the subject /^Receipt/',
    );
    expect(describeMail({})).toBe('any message');
  });
});
