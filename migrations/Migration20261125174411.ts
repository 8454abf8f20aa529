import { Migration } from '@mikro-orm/migrations';

export class Migration20261125174411 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inbound_messages" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "message_id" varchar(998) not null, "from_address" varchar(320) not null, "subject" varchar(998) not null, "outcome" text check ("outcome" in ('NEW_TICKET', 'REPLY', 'IGNORED')) not null, "reason" varchar(200) null, "ticket_id" uuid null, constraint "inbound_messages_pkey" primary key ("id"));`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_message_id_unique" unique ("message_id");`);

    this.addSql(`create table "ticket_attachments" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "ticket_id" uuid not null, "comment_id" uuid null, "filename" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "content" bytea not null, constraint "ticket_attachments_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_attachments_ticket_id_index" on "ticket_attachments" ("ticket_id");`);

    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_attachments" add constraint "ticket_attachments_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_attachments" add constraint "ticket_attachments_comment_id_foreign" foreign key ("comment_id") references "ticket_comments" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbound_messages" cascade;`);

    this.addSql(`drop table if exists "ticket_attachments" cascade;`);
  }

}
