import { Migration } from '@mikro-orm/migrations';

/** Audit records: client address and searchable subject (filled in by the audit change). */
export class Migration20261202172000 extends Migration {

  override async up(): Promise<void> {
    // Intentionally empty until the audit change lands.
  }

}
