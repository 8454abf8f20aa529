import { Migration } from '@mikro-orm/migrations';

/**
 * One account per contact and technician: usernames unique across both in the database, sessions
 * pointing at one account, deactivation of accounts and customers. Existing rows are carried over
 * (each account takes the id of its contact or technician; sessions move to their account).
 */
export class Migration20261202170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "accounts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text check ("kind" in ('CONTACT', 'TECHNICIAN')) not null, "username" varchar(40) not null, "deactivated_at" timestamptz null, constraint "accounts_pkey" primary key ("id"));`);
    this.addSql(`alter table "accounts" add constraint "accounts_username_unique" unique ("username");`);
    this.addSql(`insert into "accounts" ("id", "created_at", "updated_at", "kind", "username") select "id", "created_at", now(), 'TECHNICIAN', "username" from "technicians";`);
    this.addSql(`insert into "accounts" ("id", "created_at", "updated_at", "kind", "username") select "id", "created_at", now(), 'CONTACT', "username" from "contacts";`);

    this.addSql(`alter table "customers" add column "deactivated_at" timestamptz null;`);

    for (const table of ['contacts', 'technicians']) {
      this.addSql(`alter table "${table}" add column "account_id" uuid null;`);
      this.addSql(`update "${table}" set "account_id" = "id";`);
      this.addSql(`alter table "${table}" alter column "account_id" set not null;`);
      this.addSql(`alter table "${table}" add constraint "${table}_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
      this.addSql(`alter table "${table}" add constraint "${table}_account_id_unique" unique ("account_id");`);
    }

    this.addSql(`alter table "sessions" add column "account_id" uuid null;`);
    this.addSql(`update "sessions" set "account_id" = coalesce("contact_id", "technician_id");`);
    this.addSql(`delete from "sessions" where "account_id" is null;`);
    this.addSql(`alter table "sessions" alter column "account_id" set not null;`);
    this.addSql(`alter table "sessions" drop constraint "sessions_contact_id_foreign";`);
    this.addSql(`alter table "sessions" drop constraint "sessions_technician_id_foreign";`);
    this.addSql(`drop index "sessions_contact_id_index";`);
    this.addSql(`drop index "sessions_technician_id_index";`);
    this.addSql(`alter table "sessions" drop column "contact_id", drop column "technician_id";`);
    this.addSql(`alter table "sessions" add constraint "sessions_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "sessions_account_id_index" on "sessions" ("account_id");`);
  }

}
