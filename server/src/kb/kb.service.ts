import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInPrincipal } from '../auth/principal.js';
import { AppError } from '../core/errors.js';
import { requiredText } from '../core/validate.js';
import { Customer } from '../customers/customer.entity.js';
import type { RecordEvent } from '../db/domain-events.js';
import { isUuid } from '../db/query-helpers.js';
import { KbArticle } from './kb-article.entity.js';
import { KbCategory } from './kb-category.entity.js';
import { KbDeflection } from './kb-deflection.entity.js';
import { KbFile } from './kb-file.entity.js';
import { KbRevision } from './kb-revision.entity.js';
import { KbArticleStatus, KbAudience } from './kb.enums.js';
import type { CreateKbArticleInput, KbCategoryInput, UpdateKbArticleInput } from './kb.types.js';

/** What a knowledge base write needs: the transaction, the event recorder and who writes. */
export interface KbWriteContext {
  tx: EntityManager;
  record: RecordEvent;
  author: { principal: SignedInPrincipal; name: string };
}

const MAX_BODY = 200_000;

async function categoryOf(tx: EntityManager, id: string | null | undefined): Promise<KbCategory | null> {
  if (!id) return null;
  const category = isUuid(id) ? await tx.findOne(KbCategory, { id }) : null;
  if (!category) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'categoryId' });
  return category;
}

/** The customers an article is restricted to; every id must exist. */
async function customersOf(tx: EntityManager, ids: readonly string[]): Promise<Customer[]> {
  const unique = [...new Set(ids)];
  const customers = unique.every(isUuid) ? await tx.find(Customer, { id: { $in: unique } }) : [];
  if (customers.length !== unique.length) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'customerIds' });
  return customers;
}

/** Every change of title or text is kept, with who made it (restorable from the console). */
function keepRevision(ctx: KbWriteContext, article: KbArticle) {
  ctx.tx.create(KbRevision, { article, title: article.title, body: article.body, authorId: ctx.author.principal.accountId, authorName: ctx.author.name });
  article.authorName = ctx.author.name;
}

export async function createArticle(ctx: KbWriteContext, input: CreateKbArticleInput): Promise<KbArticle> {
  const { tx } = ctx;
  const original = input.translationOfId ? (isUuid(input.translationOfId) ? await tx.findOne(KbArticle, { id: input.translationOfId }) : null) : null;
  if (input.translationOfId && !original) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'translationOfId' });
  if (original && (await tx.count(KbArticle, { translationGroupId: original.translationGroupId, language: input.language })) > 0) {
    throw new AppError('CONFLICT', 'kb.translationExists', { field: 'language' });
  }
  const customers = await customersOf(tx, input.customerIds ?? []);
  const article = tx.create(KbArticle, {
    title: requiredText('title', input.title, 300),
    body: requiredText('body', input.body, MAX_BODY),
    language: input.language,
    category: await categoryOf(tx, input.categoryId ?? original?.category?.id),
    audience: input.audience ?? original?.audience ?? KbAudience.CUSTOMERS,
    restrictedToCustomers: customers.length > 0,
    ...(original ? { translationGroupId: original.translationGroupId } : {}),
  });
  article.customers.set(customers);
  keepRevision(ctx, article);
  await tx.flush();
  ctx.record('kbArticle.saved', { articleId: article.id });
  return article;
}

export async function updateArticle(ctx: KbWriteContext, article: KbArticle, input: UpdateKbArticleInput): Promise<KbArticle> {
  const { tx } = ctx;
  const title = input.title != null ? requiredText('title', input.title, 300) : article.title;
  const body = input.body != null ? requiredText('body', input.body, MAX_BODY) : article.body;
  if (input.categoryId != null) {
    const category = input.categoryId === '' ? null : await categoryOf(tx, input.categoryId);
    article.category = category ? tx.getReference(KbCategory, category.id, { wrapped: true }) : null;
  }
  if (input.audience) article.audience = input.audience;
  if (input.customerIds) {
    const customers = await customersOf(tx, input.customerIds);
    article.customers.set(customers);
    article.restrictedToCustomers = customers.length > 0;
  }
  if (title !== article.title || body !== article.body) {
    article.title = title;
    article.body = body;
    keepRevision(ctx, article);
  }
  await tx.flush();
  ctx.record('kbArticle.saved', { articleId: article.id });
  return article;
}

export async function setArticleStatus(ctx: KbWriteContext, article: KbArticle, status: KbArticleStatus): Promise<KbArticle> {
  const publishing = status === KbArticleStatus.PUBLISHED && article.status !== KbArticleStatus.PUBLISHED;
  if (publishing) article.publishedAt = new Date();
  article.status = status;
  await ctx.tx.flush();
  if (publishing) ctx.record('kbArticle.published', { articleId: article.id });
  return article;
}

/** Puts an earlier revision's title and text back, as a new revision (nothing is lost). */
export async function restoreRevision(ctx: KbWriteContext, article: KbArticle, revisionId: string): Promise<KbArticle> {
  const revision = isUuid(revisionId) ? await ctx.tx.findOne(KbRevision, { id: revisionId, article }) : null;
  if (!revision) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'revisionId' });
  return updateArticle(ctx, article, { id: article.id, title: revision.title, body: revision.body });
}

export async function saveCategory(tx: EntityManager, category: KbCategory | null, input: KbCategoryInput): Promise<KbCategory> {
  const parent = await categoryOf(tx, input.parentId);
  if (parent && (parent.parent || parent.id === category?.id)) throw new AppError('BAD_USER_INPUT', 'kb.categoryTooDeep', { field: 'parentId' });
  if (parent && category && (await tx.count(KbCategory, { parent: category }))) throw new AppError('BAD_USER_INPUT', 'kb.categoryTooDeep', { field: 'parentId' });
  const values = { name: requiredText('name', input.name, 200), parent, position: input.position ?? category?.position ?? 0 };
  const saved = category ? Object.assign(category, values) : tx.create(KbCategory, values);
  await tx.flush();
  return saved;
}

/** Moves one of the technician's uploads (POST /uploads) into the article's files, in one statement. */
export async function attachFile(tx: EntityManager, principal: SignedInPrincipal, article: KbArticle, uploadId: string): Promise<Omit<KbFile, 'content'>> {
  if (!isUuid(uploadId)) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'uploadId' });
  const [moved] = await tx.getConnection().execute<Array<{ id: string }>>(
    `with claimed as (delete from pending_uploads where id = ? and owner_id = ? returning filename, content_type, size, content)
     insert into kb_files (id, created_at, updated_at, article_id, filename, content_type, size, content)
     select gen_random_uuid(), now(), now(), ?, filename, content_type, size, content from claimed
     returning id`,
    [uploadId, principal.accountId, article.id],
    'all',
    tx.getTransactionContext(),
  );
  if (!moved) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'uploadId' });
  return tx.findOneOrFail(KbFile, moved.id, { exclude: ['content'] });
}

/** A contact's view or vote: one atomic increment, no read first. */
export async function countUse(tx: EntityManager, articleId: string, counter: 'views' | 'helpful_votes' | 'not_helpful_votes'): Promise<void> {
  await tx.getConnection().execute(`update kb_articles set ${counter} = ${counter} + 1 where id = ?`, [articleId]);
}

/** "This solved my problem": the deflection's row (who, when) and the article's counter, together. */
export async function recordDeflection(tx: EntityManager, articleId: string, contactId: string): Promise<void> {
  tx.create(KbDeflection, { article: articleId, contact: contactId });
  await tx.flush();
  await tx.getConnection().execute('update kb_articles set deflections = deflections + 1 where id = ?', [articleId], 'run', tx.getTransactionContext());
}
