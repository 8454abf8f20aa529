import { Migration } from '@mikro-orm/migrations';

/** Audit records: client address and the subject of the change (searchable by id), indexes for the log's filters. */
export class Migration20261202172000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_events" add column "ip" varchar(64) null, add column "subject_kind" varchar(30) null, add column "subject_id" uuid null, add column "subject_name" varchar(200) null;`);
    this.addSql(`create index "audit_events_action_created_at_index" on "audit_events" ("action", "created_at");`);
    this.addSql(`create index "audit_events_subject_id_created_at_index" on "audit_events" ("subject_id", "created_at");`);
    this.addSql(`create index "audit_events_actor_id_created_at_index" on "audit_events" ("actor_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_events_actor_id_created_at_index";`);
    this.addSql(`drop index "audit_events_subject_id_created_at_index";`);
    this.addSql(`drop index "audit_events_action_created_at_index";`);
    this.addSql(`alter table "audit_events" drop column "ip", drop column "subject_kind", drop column "subject_id", drop column "subject_name";`);
  }

}
