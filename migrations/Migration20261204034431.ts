import { Migration } from '@mikro-orm/migrations';

/** Each deflection kept as a row (which contact, when), beside the article's counter. */
export class Migration20261204034431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kb_deflections" ("id" uuid not null, "article_id" uuid not null, "contact_id" uuid not null, "at" timestamptz not null, constraint "kb_deflections_pkey" primary key ("id"));`);
    this.addSql(`create index "kb_deflections_article_id_at_index" on "kb_deflections" ("article_id", "at");`);

    this.addSql(`alter table "kb_deflections" add constraint "kb_deflections_article_id_foreign" foreign key ("article_id") references "kb_articles" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kb_deflections" add constraint "kb_deflections_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kb_deflections" cascade;`);
  }

}
