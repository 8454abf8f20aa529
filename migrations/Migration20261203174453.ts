import { Migration } from '@mikro-orm/migrations';

/** Files sent from the browser before the new ticket or reply that takes them over (issue 12). */
export class Migration20261203174453 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "pending_uploads" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "owner_id" uuid not null, "filename" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "content" bytea not null, constraint "pending_uploads_pkey" primary key ("id"));`);
    this.addSql(`create index "pending_uploads_owner_id_index" on "pending_uploads" ("owner_id");`);
    this.addSql(`create index "pending_uploads_created_at_index" on "pending_uploads" ("created_at");`);

    this.addSql(`alter table "pending_uploads" add constraint "pending_uploads_owner_id_foreign" foreign key ("owner_id") references "accounts" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pending_uploads" cascade;`);
  }

}
