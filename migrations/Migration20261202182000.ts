import { Migration } from '@mikro-orm/migrations';

/** Reserved slot (issue 10); filled in by the change that needs it. */
export class Migration20261202182000 extends Migration {
  override async up(): Promise<void> {
    // nothing yet
  }
}
