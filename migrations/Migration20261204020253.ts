import { Migration } from '@mikro-orm/migrations';

/** The knowledge base (issue 13): categories, articles and their revisions, the search index, searches. */
export class Migration20261204020253 extends Migration {

  override async up(): Promise<void> {
    // Typo tolerance (kb_words' trigram index); shipped with PostgreSQL's contrib, the embedded one included.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "kb_categories" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "parent_id" uuid null, "position" int not null default 0, constraint "kb_categories_pkey" primary key ("id"));`);

    this.addSql(`create table "kb_articles" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(300) not null, "body" text not null, "language" text check ("language" in ('en', 'fr', 'de', 'es', 'it')) not null, "category_id" uuid null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', "audience" text check ("audience" in ('CUSTOMERS', 'INTERNAL')) not null default 'CUSTOMERS', "restricted_to_customers" boolean not null default false, "translation_group_id" uuid not null, "published_at" timestamptz null, "author_name" varchar(200) null, "views" int not null default 0, "helpful_votes" int not null default 0, "not_helpful_votes" int not null default 0, "deflections" int not null default 0, "indexed_at" timestamptz null, "search_vector" tsvector null, "search_text" text null, constraint "kb_articles_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_articles_status_audience_index" on "kb_articles" ("status", "audience");`);
    this.addSql(`create index "kb_articles_search_vector_index" on "kb_articles" using gin ("search_vector");`);
    this.addSql(`create index "kb_articles_translation_group_id_index" on "kb_articles" ("translation_group_id");`);

    this.addSql(`create table "kb_article_customers" ("article_id" uuid not null, "customer_id" uuid not null, constraint "kb_article_customers_pkey" primary key ("article_id", "customer_id"));`);

    this.addSql(`create table "kb_revisions" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "article_id" uuid not null, "title" varchar(300) not null, "body" text not null, "author_id" uuid null, "author_name" varchar(200) not null, constraint "kb_revisions_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_revisions_article_id_created_at_index" on "kb_revisions" ("article_id", "created_at");`);

    this.addSql(`create table "kb_searches" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "query" varchar(200) not null, "language" text check ("language" in ('en', 'fr', 'de', 'es', 'it')) not null, "result_count" int not null, constraint "kb_searches_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_searches_result_count_created_at_index" on "kb_searches" ("result_count", "created_at");`);

    this.addSql(`create table "kb_words" ("word" varchar(100) not null, constraint "kb_words_pkey" primary key ("word"));`);
    this.addSql(`create index "kb_words_word_trgm_index" on "kb_words" using gist ("word" gist_trgm_ops);`);

    this.addSql(`alter table "kb_categories" add constraint "kb_categories_parent_id_foreign" foreign key ("parent_id") references "kb_categories" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "kb_articles" add constraint "kb_articles_category_id_foreign" foreign key ("category_id") references "kb_categories" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "kb_article_customers" add constraint "kb_article_customers_article_id_foreign" foreign key ("article_id") references "kb_articles" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kb_article_customers" add constraint "kb_article_customers_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "kb_revisions" add constraint "kb_revisions_article_id_foreign" foreign key ("article_id") references "kb_articles" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "kb_categories" drop constraint "kb_categories_parent_id_foreign";`);

    this.addSql(`alter table "kb_articles" drop constraint "kb_articles_category_id_foreign";`);

    this.addSql(`alter table "kb_article_customers" drop constraint "kb_article_customers_article_id_foreign";`);

    this.addSql(`alter table "kb_revisions" drop constraint "kb_revisions_article_id_foreign";`);

    this.addSql(`drop table if exists "kb_categories" cascade;`);

    this.addSql(`drop table if exists "kb_articles" cascade;`);

    this.addSql(`drop table if exists "kb_article_customers" cascade;`);

    this.addSql(`drop table if exists "kb_revisions" cascade;`);

    this.addSql(`drop table if exists "kb_searches" cascade;`);

    this.addSql(`drop table if exists "kb_words" cascade;`);
  }

}
