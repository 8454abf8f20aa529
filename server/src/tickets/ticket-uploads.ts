import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInPrincipal } from '../auth/principal.js';
import { AppError, badInput } from '../core/errors.js';
import { isUuid } from '../db/query-helpers.js';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_PENDING_UPLOADS_PER_ACCOUNT, PENDING_UPLOAD_TTL_HOURS, storedContentType, storedFilename } from './attachment-rules.js';
import { PendingUpload } from './pending-upload.entity.js';
import type { TicketComment } from './ticket-comment.entity.js';
import type { Ticket } from './ticket.entity.js';

export interface UploadInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Keeps a file sent from the browser until a new ticket or reply of the same account names it. */
export async function storeUpload(em: EntityManager, owner: SignedInPrincipal, file: { filename: string; contentType: string | undefined; content: Buffer }): Promise<UploadInfo> {
  // One account cannot fill the database with files it never sends.
  if ((await em.count(PendingUpload, { owner: owner.accountId })) >= MAX_PENDING_UPLOADS_PER_ACCOUNT) {
    throw new AppError('RATE_LIMITED', 'attachments.tooManyPending', { field: 'file', params: { max: MAX_PENDING_UPLOADS_PER_ACCOUNT } });
  }
  const upload = em.create(PendingUpload, {
    owner: owner.accountId,
    filename: storedFilename(file.filename),
    contentType: storedContentType(file.contentType),
    size: file.content.length,
    content: file.content,
  });
  await em.flush();
  // Files nobody sent go after a day; the index on created_at keeps this a short range delete.
  await em.getConnection().execute(`delete from pending_uploads where created_at < now() - make_interval(hours => ?)`, [PENDING_UPLOAD_TTL_HOURS]);
  return { id: upload.id, filename: upload.filename, contentType: upload.contentType, size: upload.size };
}

/**
 * Moves the named uploads of the caller's account into the ticket's attachments (linked to the
 * reply or note when there is one, so its visibility rules hold), in the caller's transaction.
 * Call after the ticket and comment are flushed. Another account's upload, or one already used or
 * dropped, is NOT_FOUND like a missing one, and the whole write is undone.
 */
export async function claimUploads(tx: EntityManager, principal: SignedInPrincipal, ids: readonly string[] | null | undefined, ticket: Ticket, comment: TicketComment | null): Promise<number> {
  const wanted = [...new Set(ids ?? [])];
  if (wanted.length === 0) return 0;
  if (wanted.length > MAX_ATTACHMENTS_PER_MESSAGE) throw badInput('attachmentIds', 'attachments.tooMany', { max: MAX_ATTACHMENTS_PER_MESSAGE });
  if (!wanted.every(isUuid)) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'attachmentIds' });
  const moved = await tx.getConnection().execute<Array<{ id: string }>>(
    `with claimed as (
       delete from pending_uploads where id = any(?::uuid[]) and owner_id = ? returning id, filename, content_type, size, content
     )
     -- The files keep the order they were named in: a microsecond apart, as the list sorts by time.
     insert into ticket_attachments (id, created_at, updated_at, ticket_id, comment_id, filename, content_type, size, content)
     select gen_random_uuid(), now() + (wanted.n * interval '1 microsecond'), now(), ?, ?, filename, content_type, size, content
     from claimed join unnest(?::uuid[]) with ordinality as wanted(id, n) on wanted.id = claimed.id
     returning id`,
    // An array literal: knex would spread a JS array into a list (the ids are checked UUIDs).
    [`{${wanted.join(',')}}`, principal.accountId, ticket.id, comment?.id ?? null, `{${wanted.join(',')}}`],
    'all',
    tx.getTransactionContext(),
  );
  if (moved.length !== wanted.length) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'attachmentIds' });
  return moved.length;
}
