import { Migration } from '@mikro-orm/migrations';

export class Migration20261125171255 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_messages" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "template" varchar(50) not null, "recipient" varchar(320) not null, "subject" varchar(500) not null, "text_body" text not null, "html_body" text not null, "sealed_secret" text null, "status" text check ("status" in ('QUEUED', 'SENT', 'FAILED')) not null default 'QUEUED', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "sent_at" timestamptz null, "transport" varchar(10) null, constraint "outbox_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_messages_status_next_attempt_at_index" on "outbox_messages" ("status", "next_attempt_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_messages" cascade;`);
  }

}
