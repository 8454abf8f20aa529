import { Migration } from '@mikro-orm/migrations';

/** Inbound mail: reply tokens and unverified senders (filled in by the mail change). */
export class Migration20261202171000 extends Migration {

  override async up(): Promise<void> {
    // Intentionally empty until the unverified-sender change lands.
  }

}
