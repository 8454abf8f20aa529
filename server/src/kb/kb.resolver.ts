import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { isContact, isStaff, personOf, staffOf } from '../auth/principal.js';
import { Contact } from '../contacts/contact.entity.js';
import type { Context } from '../context.js';
import { AppError, notFound } from '../core/errors.js';
import { Customer } from '../customers/customer.entity.js';
import { isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import { Language } from '../i18n/language.js';
import { PortalSection } from '../settings/portal-settings.entity.js';
import { assertSectionAvailable } from '../settings/request-settings.js';
import { Technician } from '../technicians/technician.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { KbArticle } from './kb-article.entity.js';
import { KbCategory } from './kb-category.entity.js';
import { KbFile } from './kb-file.entity.js';
import { KbRevision } from './kb-revision.entity.js';
import { KbArticleStatus } from './kb.enums.js';
import { renderMarkdown } from './kb.markdown.js';
import { kbPolicy } from './kb.policy.js';
import { categoriesHoldingArticles, searchArticles, type KbHit } from './kb.search.js';
import { attachFile, countUse, createArticle, recordDeflection, restoreRevision, saveCategory, setArticleStatus, updateArticle, type KbWriteContext } from './kb.service.js';
import { CreateKbArticleInput, KbArticleStats, KbCategoryInput, KbSearchHit, KbUnansweredSearch, UpdateKbArticleInput } from './kb.types.js';

/** The Knowledge base section gate (contacts outside its scope: FORBIDDEN), then what the caller may read. */
async function readable(ctx: Context) {
  await assertSectionAvailable(ctx, PortalSection.KNOWLEDGE_BASE);
  return kbPolicy.filter(ctx.principal);
}

/** An article the caller may see; NOT_FOUND for a missing one and one out of scope alike. */
async function findVisibleArticle(ctx: Context, id: string): Promise<KbArticle> {
  const filter = await readable(ctx);
  const article = isUuid(id) ? await ctx.em.findOne(KbArticle, { $and: [{ id }, filter] }) : null;
  if (!article) throw notFound();
  return article;
}

/** The version of `article` in `language` the caller may read, if any (the same scope as the article). */
function readableTranslation(ctx: Context, article: KbArticle, language: Language): Promise<KbArticle | null> {
  return ctx.em.findOne(KbArticle, { $and: [kbPolicy.filter(ctx.principal), { translationGroupId: article.translationGroupId, language }] });
}

/** Technicians write; the article must exist (technicians see all of them). */
async function findEditableArticle(ctx: Context, id: string): Promise<KbArticle> {
  staffOf(ctx.principal);
  return findVisibleArticle(ctx, id);
}

async function kbWrite<T>(ctx: Context, work: (w: KbWriteContext) => Promise<T>): Promise<T> {
  const principal = personOf(ctx.principal);
  const person = isStaff(principal) ? await ctx.em.findOne(Technician, principal.id) : await ctx.em.findOne(Contact, principal.id);
  return inTransaction(ctx.em, ctx.services.domainEvents, (tx, record) => work({ tx, record, author: { principal, name: person?.name ?? '' } }));
}

/** The hits' articles, loaded in one query, in the hits' order. */
async function withArticles(ctx: Context, hits: KbHit[]): Promise<KbSearchHit[]> {
  const articles = new Map((await ctx.em.find(KbArticle, { id: { $in: hits.map((hit) => hit.id) } })).map((article) => [article.id, article]));
  return hits.flatMap((hit) => {
    const article = articles.get(hit.id);
    return article ? [{ article, snippetHtml: hit.snippetHtml, rank: hit.rank }] : [];
  });
}

/**
 * A contact's search, for "the searches that found nothing". One statement, committed without
 * waiting for the disk (synchronous_commit off for this transaction only, set before the commit
 * reads it): a crash may forget the last moment's search statistics, never anything a person wrote,
 * and the search does not pay a disk flush on every keystroke.
 */
async function logSearch(ctx: Context, query: string, resultCount: number): Promise<void> {
  await ctx.em.getConnection().execute(
    `with relaxed as (select set_config('synchronous_commit', 'off', true))
     insert into kb_searches (id, created_at, updated_at, query, language, result_count) select gen_random_uuid(), now(), now(), ?, ?, ? from relaxed`,
    [query, ctx.language, resultCount],
  );
}

const clampFirst = (first: number, max: number) => {
  if (first < 1 || first > max) throw new AppError('BAD_USER_INPUT', 'errors.invalidInput', { field: 'first' });
  return first;
};

@Resolver(() => KbArticle)
export class KbResolver {
  @Allow('SIGNED_IN')
  @Query(() => [KbCategory], { description: 'The knowledge base categories, in order (parents and their children alike).' })
  async kbCategories(@Ctx() ctx: Context) {
    await readable(ctx);
    const categories = await ctx.em.find(KbCategory, {}, { orderBy: { position: 'asc', name: 'asc' } });
    const scope = kbPolicy.scope(ctx.principal);
    if (scope.customerId === undefined && !scope.nothing) return categories;
    // Contacts get only the shelves holding something they may read (directly or in a
    // sub-category): a category's name can say what it holds, e.g. another customer's setup.
    const holding = new Set(await categoriesHoldingArticles(ctx.services.reads, scope));
    const shown = (category: KbCategory) => holding.has(category.id) || categories.some((child) => child.parent?.id === category.id && holding.has(child.id));
    return categories.filter(shown);
  }

  @Allow('SIGNED_IN')
  @Query(() => [KbArticle], {
    description: 'Articles the caller may read, in a category or all, the caller’s language first, then by title (at most 200). Technicians may filter by status.',
  })
  async kbArticles(
    @Ctx() ctx: Context,
    @Arg('categoryId', () => ID, { nullable: true, description: 'Only this category’s articles.' }) categoryId?: string | null,
    @Arg('status', () => KbArticleStatus, { nullable: true, description: 'Technicians only; ignored for contacts (they read published articles).' }) status?: KbArticleStatus | null,
  ) {
    const filter = await readable(ctx);
    if (categoryId && !isUuid(categoryId)) return [];
    const articles = await ctx.em.find(
      KbArticle,
      { $and: [filter, categoryId ? { category: categoryId } : {}, status && isStaff(ctx.principal) ? { status } : {}] },
      { orderBy: { title: 'asc' }, limit: 200 },
    );
    return articles.sort((a, b) => Number(b.language === ctx.language) - Number(a.language === ctx.language));
  }

  @Allow('SIGNED_IN')
  @Query(() => KbArticle, {
    description: 'One article. NOT_FOUND when missing or not visible to the caller. With `language`: its translation in that language when the caller may read one, else this article. A contact’s read counts as a view (of the version returned).',
  })
  async kbArticle(
    @Arg('id', () => ID, { description: 'The article (any of its translations).' }) id: string,
    @Ctx() ctx: Context,
    @Arg('language', () => Language, { nullable: true, description: 'The language wanted, e.g. the caller’s; falls back to the article asked for.' }) language?: Language | null,
  ) {
    const asked = await findVisibleArticle(ctx, id);
    const article = language && language !== asked.language ? ((await readableTranslation(ctx, asked, language)) ?? asked) : asked;
    if (kbPolicy.counts(ctx.principal)) await countUse(ctx.em, article.id, 'views');
    return article;
  }

  @Allow('SIGNED_IN')
  @Query(() => [KbSearchHit], {
    description:
      'Full-text search in the articles the caller may read: stemming in each article’s language, typos corrected, title over text, the caller’s language first. Contacts’ searches are kept (count only) so admins see what found nothing.',
  })
  async kbSearch(@Arg('query', () => String, { description: 'Words to find; misspellings are tolerated.' }) query: string, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 10, description: 'At most this many (1 to 50).' }) first: number) {
    await readable(ctx);
    const hits = await searchArticles(ctx.services.reads, kbPolicy.scope(ctx.principal), query.slice(0, 200), { language: ctx.language, first: clampFirst(first, 50) });
    if (isContact(ctx.principal) && query.trim()) await logSearch(ctx, query.trim().slice(0, 200).toLowerCase(), hits.length);
    return withArticles(ctx, hits);
  }

  @Allow('SIGNED_IN')
  @Query(() => [KbSearchHit], { description: 'Articles that may answer a new ticket while its title is typed (any word may match), at most 5.' })
  async kbSuggestions(@Arg('text', () => String, { description: 'The title typed so far.' }) text: string, @Ctx() ctx: Context) {
    await readable(ctx);
    return withArticles(ctx, await searchArticles(ctx.services.reads, kbPolicy.scope(ctx.principal), text.slice(0, 300), { language: ctx.language, first: 5, match: 'any' }));
  }

  @Allow('STAFF')
  @Query(() => [KbSearchHit], { description: 'Articles the ticket’s contact may read that match its title and description, for answering it (technicians).' })
  async kbSuggestionsForTicket(@Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string, @Ctx() ctx: Context) {
    const ticket = isUuid(ticketId) ? await ctx.em.findOne(Ticket, ticketId) : null;
    if (!ticket) throw notFound();
    // What goes into a reply must be what the ticket's contact may read: that customer's scope
    // (a ticket without a customer: unrestricted articles only).
    const scope = { customerId: ticket.customer?.id ?? '00000000-0000-0000-0000-000000000000' };
    const hits = await searchArticles(ctx.services.reads, scope, `${ticket.title} ${ticket.description}`.slice(0, 500), { language: ctx.language, first: 5, match: 'any' });
    return withArticles(ctx, hits);
  }

  @Allow('STAFF')
  @Query(() => [KbUnansweredSearch], { description: 'Contacts’ searches that found nothing, most frequent first: what to write next (technicians).' })
  async kbUnansweredSearches(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many (1 to 100).' }) first: number) {
    const rows = await ctx.em.getConnection().execute<Array<{ query: string; language: Language; count: string; last: Date }>>(
      `select query, language, count(*) as count, max(created_at) as last from kb_searches where result_count = 0
       group by query, language order by count(*) desc, max(created_at) desc limit ?`,
      [clampFirst(first, 100)],
    );
    return rows.map((row) => ({ query: row.query, language: row.language, count: Number(row.count), lastSearchedAt: new Date(row.last) }));
  }

  @Allow('STAFF')
  @Query(() => String, { description: 'Markdown rendered exactly as an article’s `html` would be: the editor’s live preview (technicians).' })
  kbPreview(@Arg('markdown', () => String, { description: 'The text being written.' }) markdown: string) {
    if (markdown.length > 200_000) throw new AppError('BAD_USER_INPUT', 'validation.tooLong', { field: 'markdown', params: { max: 200_000 } });
    return renderMarkdown(markdown);
  }

  @FieldResolver(() => String, { description: 'The body rendered as safe HTML (Markdown through markdown-it, then an allow-list sanitizer).' })
  html(@Root() article: KbArticle) {
    return renderMarkdown(article.body);
  }

  @FieldResolver(() => [KbFile], { description: 'Its images and files, oldest first.' })
  async files(@Root() article: KbArticle, @Ctx() ctx: Context) {
    return ctx.em.find(KbFile, { article: article.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, exclude: ['content'] });
  }

  @Allow('STAFF')
  @Mutation(() => KbFile, { description: 'Adds an uploaded file (POST /uploads) to an article; link it from the text as /kb-files/{id}.' })
  async attachKbFile(@Arg('articleId', () => ID, { description: 'The article.' }) articleId: string, @Arg('uploadId', () => ID, { description: 'The upload.' }) uploadId: string, @Ctx() ctx: Context) {
    const article = await findEditableArticle(ctx, articleId);
    return inTransaction(ctx.em, ctx.services.domainEvents, (tx) => attachFile(tx, personOf(ctx.principal), article, uploadId));
  }

  @FieldResolver(() => KbCategory, { nullable: true, description: 'Its category, if any.' })
  async category(@Root() article: KbArticle, @Ctx() ctx: Context) {
    return article.category ? ctx.em.findOne(KbCategory, article.category.id) : null;
  }

  @FieldResolver(() => [KbArticle], { description: 'The other languages of this article the caller may read.' })
  async translations(@Root() article: KbArticle, @Ctx() ctx: Context) {
    return ctx.em.find(KbArticle, { $and: [kbPolicy.filter(ctx.principal), { translationGroupId: article.translationGroupId, id: { $ne: article.id } }] }, { orderBy: { language: 'asc' } });
  }

  @FieldResolver(() => [KbRevision], { description: 'Saved versions, newest first (technicians; empty for others).' })
  async revisions(@Root() article: KbArticle, @Ctx() ctx: Context) {
    if (!kbPolicy.canEdit(ctx.principal)) return [];
    return ctx.em.find(KbRevision, { article: article.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  @FieldResolver(() => [Customer], { description: 'The customers a restricted article is shown to (technicians; empty for others).' })
  async customers(@Root() article: KbArticle, @Ctx() ctx: Context) {
    if (!kbPolicy.canEdit(ctx.principal)) return [];
    return article.customers.load();
  }

  @FieldResolver(() => KbArticleStats, { nullable: true, description: 'Views, votes and deflections (technicians; null for others).' })
  stats(@Root() article: KbArticle, @Ctx() ctx: Context) {
    if (!kbPolicy.canEdit(ctx.principal)) return null;
    return { views: article.views, helpfulVotes: article.helpfulVotes, notHelpfulVotes: article.notHelpfulVotes, deflections: article.deflections };
  }

  @Allow('STAFF')
  @Mutation(() => KbArticle, { description: 'Writes a new article (a draft), or a translation of one.' })
  async createKbArticle(@Arg('input', { description: 'See the input type.' }) input: CreateKbArticleInput, @Ctx() ctx: Context) {
    return kbWrite(ctx, (w) => createArticle(w, input));
  }

  @Allow('STAFF')
  @Mutation(() => KbArticle, { description: 'Changes an article; a new title or text is kept as a revision.' })
  async updateKbArticle(@Arg('input', { description: 'See the input type.' }) input: UpdateKbArticleInput, @Ctx() ctx: Context) {
    const article = await findEditableArticle(ctx, input.id);
    return kbWrite(ctx, (w) => updateArticle(w, article, input));
  }

  @Allow('STAFF')
  @Mutation(() => KbArticle, { description: 'Sets an article’s status: PUBLISHED shows it to its audience, DRAFT or ARCHIVED withdraws it.' })
  async setKbArticleStatus(@Arg('id', () => ID, { description: 'The article.' }) id: string, @Arg('status', () => KbArticleStatus, { description: 'The new status.' }) status: KbArticleStatus, @Ctx() ctx: Context) {
    const article = await findEditableArticle(ctx, id);
    return kbWrite(ctx, (w) => setArticleStatus(w, article, status));
  }

  @Allow('STAFF')
  @Mutation(() => KbArticle, { description: 'Puts an earlier revision’s title and text back (kept as a new revision).' })
  async restoreKbRevision(@Arg('articleId', () => ID, { description: 'The article.' }) articleId: string, @Arg('revisionId', () => ID, { description: 'One of its revisions.' }) revisionId: string, @Ctx() ctx: Context) {
    const article = await findEditableArticle(ctx, articleId);
    return kbWrite(ctx, (w) => restoreRevision(w, article, revisionId));
  }

  @Allow('STAFF')
  @Mutation(() => KbCategory, { description: 'Adds a category (or a sub-category, one level).' })
  async createKbCategory(@Arg('input', { description: 'See the input type.' }) input: KbCategoryInput, @Ctx() ctx: Context) {
    return saveCategory(ctx.em, null, input);
  }

  @Allow('STAFF')
  @Mutation(() => KbCategory, { description: 'Renames, moves or reorders a category.' })
  async updateKbCategory(@Arg('id', () => ID, { description: 'The category.' }) id: string, @Arg('input', { description: 'See the input type.' }) input: KbCategoryInput, @Ctx() ctx: Context) {
    const category = isUuid(id) ? await ctx.em.findOne(KbCategory, id) : null;
    if (!category) throw notFound();
    return saveCategory(ctx.em, category, input);
  }

  @Allow('STAFF')
  @Mutation(() => Boolean, { description: 'Removes a category and its sub-categories; their articles stay, without a category.' })
  async deleteKbCategory(@Arg('id', () => ID, { description: 'The category.' }) id: string, @Ctx() ctx: Context) {
    const category = isUuid(id) ? await ctx.em.findOne(KbCategory, id) : null;
    if (!category) throw notFound();
    await ctx.em.remove(category).flush();
    return true;
  }

  @Allow('CONTACT')
  @Mutation(() => Boolean, { description: 'The contact found the article helpful, or not.' })
  async voteKbArticle(@Arg('id', () => ID, { description: 'The article.' }) id: string, @Arg('helpful', () => Boolean, { description: 'Whether it helped.' }) helpful: boolean, @Ctx() ctx: Context) {
    const article = await findVisibleArticle(ctx, id);
    await countUse(ctx.em, article.id, helpful ? 'helpful_votes' : 'not_helpful_votes');
    return true;
  }

  @Allow('CONTACT')
  @Mutation(() => Boolean, { description: '"This solved my problem" on the new-ticket form: the contact leaves without opening a ticket.' })
  async recordKbDeflection(@Arg('articleId', () => ID, { description: 'The article that solved it.' }) articleId: string, @Ctx() ctx: Context) {
    const article = await findVisibleArticle(ctx, articleId);
    const contact = personOf(ctx.principal);
    await inTransaction(ctx.em, ctx.services.domainEvents, (tx) => recordDeflection(tx, article.id, contact.id));
    return true;
  }
}

/** A file of an article the caller may read (the section gate and the article's scope); NOT_FOUND otherwise. */
export async function findVisibleKbFile(ctx: Context, id: string): Promise<Omit<KbFile, 'content'>> {
  if (!isUuid(id)) throw notFound();
  const filter = await readable(ctx);
  const file = await ctx.em.findOne(KbFile, { id, article: filter }, { exclude: ['content'] });
  if (!file) throw notFound();
  return file;
}

/** The bytes of a file `findVisibleKbFile` returned. */
export async function kbFileContent(ctx: Context, file: { id: string }): Promise<Buffer> {
  const [row] = await ctx.em.getConnection().execute<Array<{ content: Buffer }>>('select content from kb_files where id = ?', [file.id]);
  if (!row) throw notFound();
  return row.content;
}
