import { Migration } from '@mikro-orm/migrations';

/**
 * Tickets: what contacts see of activity. `public_activity_at` moves only with changes contacts can
 * see (public replies, fields shown in the portal); contacts' lists sort by it, so their indexes
 * move to it. Existing tickets start from their last activity (what contacts saw until now).
 */
export class Migration20261202173000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "public_activity_at" timestamptz null;`);
    this.addSql(`update "tickets" set "public_activity_at" = "last_activity_at";`);
    this.addSql(`alter table "tickets" alter column "public_activity_at" set not null;`);
    this.addSql(`drop index "tickets_contact_id_status_last_activity_at_index";`);
    this.addSql(`drop index "tickets_customer_id_status_last_activity_at_index";`);
    this.addSql(`create index "tickets_contact_id_status_public_activity_at_index" on "tickets" ("contact_id", "status", "public_activity_at");`);
    this.addSql(`create index "tickets_customer_id_status_public_activity_at_index" on "tickets" ("customer_id", "status", "public_activity_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "tickets_customer_id_status_public_activity_at_index";`);
    this.addSql(`drop index "tickets_contact_id_status_public_activity_at_index";`);
    this.addSql(`create index "tickets_customer_id_status_last_activity_at_index" on "tickets" ("customer_id", "status", "last_activity_at");`);
    this.addSql(`create index "tickets_contact_id_status_last_activity_at_index" on "tickets" ("contact_id", "status", "last_activity_at");`);
    this.addSql(`alter table "tickets" drop column "public_activity_at";`);
  }

}
