import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../queue/secret-box.js';
import { findReplyTokens, replyTokenKey, replyTokenMessageId, verifyReplyToken } from './reply-token.js';

const key = replyTokenKey(SecretBox.fromSecret('reply-token-test'));
const ticket = randomUUID();
const contact = { contactId: randomUUID() };

function tokenIn(messageId: string) {
  const [token] = findReplyTokens([messageId]);
  if (!token) throw new Error(`no token in ${messageId}`);
  return token;
}

describe('reply tokens', () => {
  it('round-trips through a Message-ID quoted in In-Reply-To / References', () => {
    const messageId = replyTokenMessageId(key, ticket, contact, 'portal.msp.example');
    expect(messageId).toMatch(/^<pt1\.[0-9a-f]{32}\.[0-9a-f]{16}\.[0-9a-f]{40}@portal\.msp\.example>$/);
    const references = `<other@mail.example> ${messageId} <later@mail.example>`;
    const [token] = findReplyTokens([undefined, references]);
    expect(token.ticketId).toBe(ticket);
    expect(verifyReplyToken(key, token, ticket, contact)).toBe(true);
    // Mail systems may change the case of a Message-ID; hex tokens survive that.
    expect(verifyReplyToken(key, tokenIn(messageId.toUpperCase()), ticket, contact)).toBe(true);
  });

  it('every Message-ID is unique', () => {
    expect(replyTokenMessageId(key, ticket, contact, 'h')).not.toBe(replyTokenMessageId(key, ticket, contact, 'h'));
  });

  it.each([
    ['another ticket', () => verifyReplyToken(key, tokenIn(replyTokenMessageId(key, randomUUID(), contact, 'h')), ticket, contact)],
    ['another contact', () => verifyReplyToken(key, tokenIn(replyTokenMessageId(key, ticket, { contactId: randomUUID() }, 'h')), ticket, contact)],
    ['an address instead of the contact', () => verifyReplyToken(key, tokenIn(replyTokenMessageId(key, ticket, { email: 'a@b.example' }, 'h')), ticket, contact)],
    ['another server secret', () => verifyReplyToken(key, tokenIn(replyTokenMessageId(replyTokenKey(SecretBox.fromSecret('other')), ticket, contact, 'h')), ticket, contact)],
    ['a changed nonce', () => {
      const token = tokenIn(replyTokenMessageId(key, ticket, contact, 'h'));
      return verifyReplyToken(key, { ...token, nonce: token.nonce.replace(/^./, (c) => (c === '0' ? '1' : '0')) }, ticket, contact);
    }],
    ['a changed MAC', () => {
      const token = tokenIn(replyTokenMessageId(key, ticket, contact, 'h'));
      return verifyReplyToken(key, { ...token, mac: token.mac.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, ticket, contact);
    }],
    ['a token moved to another ticket id', () => {
      const token = tokenIn(replyTokenMessageId(key, ticket, contact, 'h'));
      return verifyReplyToken(key, { ...token, ticketId: randomUUID() }, ticket, contact);
    }],
  ])('rejects %s', (_name, check) => {
    expect(check()).toBe(false);
  });

  it('names a requester without a contact by address, case-insensitively', () => {
    const token = tokenIn(replyTokenMessageId(key, ticket, { email: 'Someone@Unknown.example' }, 'h'));
    expect(verifyReplyToken(key, token, ticket, { email: 'someone@unknown.example' })).toBe(true);
    expect(verifyReplyToken(key, token, ticket, { email: 'someone-else@unknown.example' })).toBe(false);
  });

  it('finds nothing in ordinary Message-IDs and caps what it reads', () => {
    expect(findReplyTokens(['<CAF=abc@mail.gmail.com>', '', null])).toEqual([]);
    const many = Array.from({ length: 80 }, () => replyTokenMessageId(key, ticket, contact, 'h')).join(' ');
    expect(findReplyTokens([many])).toHaveLength(50);
  });
});
