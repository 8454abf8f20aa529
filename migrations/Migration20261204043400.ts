import { Migration } from '@mikro-orm/migrations';

/** Devices (F5): enrollment tokens, devices with their hashed credential and reported facts, and the durable command queue; tickets may come from a device. */
export class Migration20261204043400 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "devices" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "credential_hash" varchar(64) not null, "customer_id" uuid not null, "assigned_contact_id" uuid null, "hostname" varchar(200) not null, "os" text check ("os" in ('WINDOWS', 'MACOS', 'LINUX')) not null, "os_version" varchar(200) not null, "logged_in_user" varchar(200) null, "public_key" text not null, "public_key_fingerprint" varchar(64) not null, "last_seen_at" timestamptz null, "connection_id" uuid null, "facts" jsonb null, "facts_reported_at" timestamptz null, "revoked_at" timestamptz null, constraint "devices_pkey" primary key ("id"));`);
    this.addSql(`alter table "devices" add constraint "devices_credential_hash_unique" unique ("credential_hash");`);
    this.addSql(`create index "devices_assigned_contact_id_index" on "devices" ("assigned_contact_id");`);
    this.addSql(`create index "devices_customer_id_hostname_index" on "devices" ("customer_id", "hostname");`);

    this.addSql(`create table "device_commands" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "device_id" uuid not null, "action" text check ("action" in ('RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF', 'RESET_PASSWORD', 'INSTALL_SOFTWARE')) not null, "arguments" text not null, "status" text check ("status" in ('QUEUED', 'DELIVERED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELLED')) not null default 'QUEUED', "output" text null, "requested_by_kind" varchar(20) not null, "requested_by_id" uuid null, "requested_by_name" varchar(200) null, "nonce" varchar(32) not null, "expires_at" timestamptz not null, "signature" text not null, "delivered_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "device_commands_pkey" primary key ("id"));`);
    this.addSql(`create index "device_commands_pending_index" on "device_commands" ("device_id", "created_at") where "status" in ('QUEUED', 'DELIVERED', 'RUNNING');`);
    this.addSql(`create index "device_commands_device_id_created_at_index" on "device_commands" ("device_id", "created_at");`);

    this.addSql(`create table "device_enrollment_tokens" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "token_hash" varchar(64) not null, "customer_id" uuid not null, "single_use" boolean not null, "expires_at" timestamptz not null, "uses" int not null default 0, "revoked_at" timestamptz null, "created_by_name" varchar(200) null, constraint "device_enrollment_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "device_enrollment_tokens" add constraint "device_enrollment_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "device_enrollment_tokens_customer_id_created_at_index" on "device_enrollment_tokens" ("customer_id", "created_at");`);

    this.addSql(`alter table "devices" add constraint "devices_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "devices" add constraint "devices_assigned_contact_id_foreign" foreign key ("assigned_contact_id") references "contacts" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "device_commands" add constraint "device_commands_device_id_foreign" foreign key ("device_id") references "devices" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "device_enrollment_tokens" add constraint "device_enrollment_tokens_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tickets" drop constraint if exists "tickets_source_check";`);

    this.addSql(`alter table "tickets" add constraint "tickets_source_check" check("source" in ('PORTAL', 'CONSOLE', 'EMAIL', 'API', 'DEVICE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "device_commands" drop constraint "device_commands_device_id_foreign";`);

    this.addSql(`drop table if exists "devices" cascade;`);

    this.addSql(`drop table if exists "device_commands" cascade;`);

    this.addSql(`drop table if exists "device_enrollment_tokens" cascade;`);

    this.addSql(`alter table "tickets" drop constraint if exists "tickets_source_check";`);

    this.addSql(`alter table "tickets" add constraint "tickets_source_check" check("source" in ('PORTAL', 'CONSOLE', 'EMAIL', 'API'));`);
  }

}
