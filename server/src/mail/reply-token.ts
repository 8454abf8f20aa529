import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../queue/secret-box.js';

/**
 * Reply tokens. The Message-ID of every ticket email Portico sends to a requester carries an HMAC
 * naming the ticket and the recipient (the contact, or the address of a requester without a
 * contact). Mail clients quote it back in In-Reply-To and References, so a reply carrying a token
 * that is valid for its ticket and its sender shows that the sender received our mail; a From:
 * header alone proves nothing.
 *
 * Message-ID: `<pt1.{ticket id, 32 hex}.{nonce, 16 hex}.{mac, 40 hex}@{host}>`. The nonce keeps
 * every Message-ID unique; the MAC (HMAC-SHA256, truncated to 160 bits) covers version, ticket,
 * recipient and nonce. The key is derived from the server's SecretBox (PORTICO_SECRET), so every
 * instance sharing the secret accepts the others' tokens.
 */
export type ReplyRecipient = { contactId: string } | { email: string };

export interface ReplyToken {
  /** The ticket id (UUID, lower case, with dashes). */
  ticketId: string;
  nonce: string;
  mac: string;
}

const VERSION = 'pt1';
const TOKEN = /pt1\.([0-9a-f]{32})\.([0-9a-f]{16})\.([0-9a-f]{40})@/gi;
const MAX_TOKENS = 50;

/** The key that signs reply tokens, derived from the server's secret. */
export function replyTokenKey(secrets: SecretBox): Buffer {
  return secrets.deriveKey('reply-token');
}

function recipientName(recipient: ReplyRecipient): string {
  return 'contactId' in recipient ? `contact:${recipient.contactId.toLowerCase()}` : `email:${recipient.email.trim().toLowerCase()}`;
}

function macOf(key: Buffer, ticketId: string, recipient: ReplyRecipient, nonce: string): Buffer {
  return createHmac('sha256', key)
    .update([VERSION, ticketId.toLowerCase(), recipientName(recipient), nonce.toLowerCase()].join('\n'))
    .digest()
    .subarray(0, 20);
}

const compact = (uuid: string) => uuid.replace(/-/g, '').toLowerCase();
const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toLowerCase();

/** A fresh Message-ID (with angle brackets) carrying a reply token for this ticket and recipient. */
export function replyTokenMessageId(key: Buffer, ticketId: string, recipient: ReplyRecipient, host: string, nonce = randomBytes(8).toString('hex')): string {
  const id = dashed(compact(ticketId));
  return `<${VERSION}.${compact(ticketId)}.${nonce}.${macOf(key, id, recipient, nonce).toString('hex')}@${host}>`;
}

/** The reply tokens found in message ids (In-Reply-To, References), at most 50; nothing is verified yet. */
export function findReplyTokens(messageIds: ReadonlyArray<string | null | undefined>): ReplyToken[] {
  const tokens: ReplyToken[] = [];
  for (const value of messageIds) {
    if (!value) continue;
    for (const match of value.matchAll(TOKEN)) {
      tokens.push({ ticketId: dashed(match[1]), nonce: match[2].toLowerCase(), mac: match[3].toLowerCase() });
      if (tokens.length >= MAX_TOKENS) return tokens;
    }
  }
  return tokens;
}

/** Whether the token was issued by this server for exactly this ticket and this recipient (constant-time compare). */
export function verifyReplyToken(key: Buffer, token: ReplyToken, ticketId: string, recipient: ReplyRecipient): boolean {
  const expected = macOf(key, ticketId, recipient, token.nonce);
  const given = Buffer.from(token.mac, 'hex');
  const macMatches = given.length === expected.length && timingSafeEqual(given, expected);
  return macMatches && token.ticketId === ticketId.toLowerCase();
}
