import { Migration } from '@mikro-orm/migrations';

export class Migration20261125170838 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_events" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "action" varchar(100) not null, "actor_kind" varchar(20) not null, "actor_id" uuid null, "actor_name" varchar(200) null, "details" jsonb not null, constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_created_at_index" on "audit_events" ("created_at");`);

    this.addSql(`create table "portal_settings" ("id" int not null default 1, "version" int not null default 1, "custom_domain" varchar(253) null, "welcome_email_enabled" boolean not null default true, "ticketing_scope" text check ("ticketing_scope" in ('OFF', 'ALL_CUSTOMERS', 'SELECTED_CUSTOMERS')) not null default 'ALL_CUSTOMERS', "knowledge_base_scope" text check ("knowledge_base_scope" in ('OFF', 'ALL_CUSTOMERS', 'SELECTED_CUSTOMERS')) not null default 'ALL_CUSTOMERS', "self_service_scope" text check ("self_service_scope" in ('OFF', 'ALL_CUSTOMERS', 'SELECTED_CUSTOMERS')) not null default 'OFF', "visible_ticket_statuses" text[] not null, "tickets_cannot_be_reopened" boolean not null default false, "ai_assistant_enabled" boolean not null default false, "ticket_creation_assistant_enabled" boolean not null default false, "manual_ticket_creation_disabled" boolean not null default false, "self_service_enabled" boolean not null default true, "updated_at" timestamptz not null, constraint "portal_settings_pkey" primary key ("id"));`);

    this.addSql(`create table "section_scope_customers" ("section" text check ("section" in ('TICKETING', 'KNOWLEDGE_BASE', 'SELF_SERVICE')) not null, "customer_id" uuid not null, constraint "section_scope_customers_pkey" primary key ("section", "customer_id"));`);

    this.addSql(`alter table "section_scope_customers" add constraint "section_scope_customers_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`drop table if exists "portal_settings" cascade;`);

    this.addSql(`drop table if exists "section_scope_customers" cascade;`);
  }

}
