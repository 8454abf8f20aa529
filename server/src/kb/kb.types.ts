import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Language } from '../i18n/language.js';
import { KbArticle } from './kb-article.entity.js';
import { KbAudience } from './kb.enums.js';

@InputType({ description: 'A new article, or a translation of one (translationOfId).' })
export class CreateKbArticleInput {
  @Field({ description: 'Title (up to 300 characters).' })
  title!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field(() => Language, { description: 'Language of this version.' })
  language!: Language;

  @Field(() => ID, { description: 'Its category (a translation takes the original’s when missing).', nullable: true })
  categoryId?: string | null;

  @Field(() => KbAudience, { nullable: true, description: 'Default CUSTOMERS.' })
  audience?: KbAudience | null;

  @Field(() => [ID], { nullable: true, description: 'Only these customers see it; empty or missing: every customer.' })
  customerIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The article this one translates: they share a translation group.' })
  translationOfId?: string | null;
}

@InputType({ description: 'Changes to an article; missing fields stay. Every change of title or text is kept as a revision.' })
export class UpdateKbArticleInput {
  @Field(() => ID, { description: 'The article.' })
  id!: string;

  @Field(() => String, { description: 'New title.', nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'The category; an empty string removes it.' })
  categoryId?: string | null;

  @Field(() => KbAudience, { description: 'New audience.', nullable: true })
  audience?: KbAudience | null;

  @Field(() => [ID], { nullable: true, description: 'Only these customers see it; an empty list: every customer.' })
  customerIds?: string[] | null;
}

@InputType({ description: 'A category’s name, parent and place.' })
export class KbCategoryInput {
  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The parent category (one level only).' })
  parentId?: string | null;

  @Field(() => Int, { description: 'Order among its siblings.', nullable: true })
  position?: number | null;
}

@ObjectType({ description: 'An article found by a search, with the passage that matched.' })
export class KbSearchHit {
  @Field(() => KbArticle, { description: 'The article found.' })
  article!: KbArticle;

  @Field({ description: 'The matching passage as HTML: escaped text with the matched words in <mark>, nothing else.' })
  snippetHtml!: string;

  @Field(() => Float, { description: 'Relevance (higher first), among results in the same language.' })
  rank!: number;
}

@ObjectType({ description: 'How contacts used an article.' })
export class KbArticleStats {
  @Field(() => Int, { description: 'Reads by contacts.' })
  views!: number;

  @Field(() => Int, { description: 'Contacts who found it helpful.' })
  helpfulVotes!: number;

  @Field(() => Int, { description: 'Contacts who did not.' })
  notHelpfulVotes!: number;

  @Field(() => Int, { description: 'Times a contact left the new-ticket form because this article solved the problem.' })
  deflections!: number;
}

@ObjectType({ description: 'A search by contacts that found nothing: what to write next.' })
export class KbUnansweredSearch {
  @Field({ description: 'The words searched (lower-cased).' })
  query!: string;

  @Field(() => Language, { description: 'The language of the contacts who searched.' })
  language!: Language;

  @Field(() => Int, { description: 'How often.' })
  count!: number;

  @Field({ description: 'When last.' })
  lastSearchedAt!: Date;
}
