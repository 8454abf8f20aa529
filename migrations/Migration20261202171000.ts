import { Migration } from '@mikro-orm/migrations';

/**
 * Inbound mail: reply tokens and unverified senders. Ticket mail keeps the Message-ID carrying its
 * reply token on the outbox row; mail from an existing contact's address that proves nothing is
 * HELD with what technicians need to judge it (text, attachments list, checks, the raw message to
 * deliver from on accept), then accepted or DISCARDED by a technician.
 */
export class Migration20261202171000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_messages" add column "message_id" varchar(998) null;`);

    this.addSql(`alter table "inbound_messages" drop constraint if exists "inbound_messages_outcome_check";`);
    this.addSql(`alter table "inbound_messages" add column "body_text" text null, add column "raw_message" bytea null, add column "attachments" jsonb null, add column "checks" varchar(500) null, add column "reviewed_at" timestamptz null, add column "reviewed_by_id" uuid null;`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "technicians" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_outcome_check" check("outcome" in ('NEW_TICKET', 'REPLY', 'IGNORED', 'HELD', 'DISCARDED'));`);
    this.addSql(`create index "inbound_messages_outcome_created_at_index" on "inbound_messages" ("outcome", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "inbound_messages_outcome_created_at_index";`);
    this.addSql(`alter table "inbound_messages" drop constraint if exists "inbound_messages_reviewed_by_id_foreign";`);
    this.addSql(`alter table "inbound_messages" drop constraint if exists "inbound_messages_outcome_check";`);
    this.addSql(`delete from "inbound_messages" where "outcome" in ('HELD', 'DISCARDED');`);
    this.addSql(`alter table "inbound_messages" drop column "body_text", drop column "raw_message", drop column "attachments", drop column "checks", drop column "reviewed_at", drop column "reviewed_by_id";`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_outcome_check" check("outcome" in ('NEW_TICKET', 'REPLY', 'IGNORED'));`);
    this.addSql(`alter table "outbox_messages" drop column "message_id";`);
  }

}
