import { Migration } from '@mikro-orm/migrations';

/** Tickets: what contacts see of activity (filled in by the ticket-leaks change). */
export class Migration20261202173000 extends Migration {

  override async up(): Promise<void> {
    // Intentionally empty until the ticket-leaks change lands.
  }

}
