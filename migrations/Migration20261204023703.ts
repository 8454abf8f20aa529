import { Migration } from '@mikro-orm/migrations';

/** Images and files of knowledge base articles (issue 13). */
export class Migration20261204023703 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kb_files" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "article_id" uuid not null, "filename" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "content" bytea not null, constraint "kb_files_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_files_article_id_index" on "kb_files" ("article_id");`);

    this.addSql(`alter table "kb_files" add constraint "kb_files_article_id_foreign" foreign key ("article_id") references "kb_articles" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kb_files" cascade;`);
  }

}
