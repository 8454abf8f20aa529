import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes in the order of the ticket lists (issue 11): a page is an index scan that stops after
 * `first + 1` rows, whatever the number of a customer's tickets, instead of sorting all of them.
 */
export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "tickets_customer_id_public_activity_at_id_index" on "tickets" ("customer_id", "public_activity_at", "id");`);
    this.addSql(`create index "tickets_contact_id_public_activity_at_id_index" on "tickets" ("contact_id", "public_activity_at", "id");`);
    this.addSql(`create index "tickets_last_activity_at_id_index" on "tickets" ("last_activity_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "tickets_customer_id_public_activity_at_id_index";`);
    this.addSql(`drop index "tickets_contact_id_public_activity_at_id_index";`);
    this.addSql(`drop index "tickets_last_activity_at_id_index";`);
  }
}
