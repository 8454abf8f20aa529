import { Migration } from '@mikro-orm/migrations';

export class Migration20261125173501 extends Migration {

  override async up(): Promise<void> {
    // Ticket numbers are for people: sequential, from 1000 so they do not look like quantities.
    this.addSql(`create sequence if not exists "ticket_number_seq" start with 1000;`);
    this.addSql(`create table "tickets" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" int not null default nextval('ticket_number_seq'), "title" varchar(300) not null, "description" text not null default '', "status" text check ("status" in ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')) not null default 'OPEN', "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', "type" text check ("type" in ('QUESTION', 'INCIDENT', 'PROBLEM', 'REQUEST')) not null default 'QUESTION', "impact" text check ("impact" in ('LOW', 'MEDIUM', 'HIGH')) not null default 'LOW', "technician_id" uuid null, "due_date" date null, "is_billed" boolean not null default false, "customer_id" uuid null, "contact_id" uuid null, "requester_email" varchar(320) null, "follow_up_of_id" uuid null, "source" text check ("source" in ('PORTAL', 'CONSOLE', 'EMAIL', 'API')) not null, "custom_field_values" jsonb not null, "last_activity_at" timestamptz not null, constraint "tickets_pkey" primary key ("id"));`);
    this.addSql(`alter table "tickets" add constraint "tickets_number_unique" unique ("number");`);
    this.addSql(`create index "tickets_last_activity_at_index" on "tickets" ("last_activity_at");`);
    this.addSql(`create index "tickets_contact_id_status_last_activity_at_index" on "tickets" ("contact_id", "status", "last_activity_at");`);
    this.addSql(`create index "tickets_customer_id_status_last_activity_at_index" on "tickets" ("customer_id", "status", "last_activity_at");`);

    this.addSql(`create table "ticket_comments" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "ticket_id" uuid not null, "body" text not null, "is_internal" boolean not null default false, "author_contact_id" uuid null, "author_technician_id" uuid null, "author_email" varchar(320) null, constraint "ticket_comments_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_comments_ticket_id_created_at_index" on "ticket_comments" ("ticket_id", "created_at");`);

    this.addSql(`create table "ticket_fields" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "label" varchar(100) not null, "kind" text check ("kind" in ('TEXT', 'NUMBER', 'DATE', 'DROPDOWN', 'CHECKBOX')) not null, "options" jsonb not null, "is_required" boolean not null default false, "visibility" text check ("visibility" in ('EDITABLE', 'READ_ONLY', 'HIDDEN')) not null default 'EDITABLE', "position" int not null default 0, constraint "ticket_fields_pkey" primary key ("id"));`);

    this.addSql(`create table "ticket_status_changes" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "ticket_id" uuid not null, "from_status" text check ("from_status" in ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')) null, "to_status" text check ("to_status" in ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')) not null, "actor_kind" varchar(20) not null, "actor_name" varchar(200) null, constraint "ticket_status_changes_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_status_changes_ticket_id_created_at_index" on "ticket_status_changes" ("ticket_id", "created_at");`);

    this.addSql(`alter table "tickets" add constraint "tickets_technician_id_foreign" foreign key ("technician_id") references "technicians" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "tickets" add constraint "tickets_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "tickets" add constraint "tickets_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "tickets" add constraint "tickets_follow_up_of_id_foreign" foreign key ("follow_up_of_id") references "tickets" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_comments" add constraint "ticket_comments_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_comments" add constraint "ticket_comments_author_contact_id_foreign" foreign key ("author_contact_id") references "contacts" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_comments" add constraint "ticket_comments_author_technician_id_foreign" foreign key ("author_technician_id") references "technicians" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_status_changes" add constraint "ticket_status_changes_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete cascade;`);

    // Existing installations have a settings row: give it the default visibility before NOT NULL.
    this.addSql(`alter table "portal_settings" add column "standard_field_visibility" jsonb null;`);
    this.addSql(`update "portal_settings" set "standard_field_visibility" = '{"TITLE": "EDITABLE", "DESCRIPTION": "EDITABLE", "STATUS": "READ_ONLY", "PRIORITY": "EDITABLE", "TYPE": "EDITABLE", "IMPACT": "READ_ONLY", "TECHNICIAN": "READ_ONLY", "DUE_DATE": "READ_ONLY"}';`);
    this.addSql(`alter table "portal_settings" alter column "standard_field_visibility" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tickets" drop constraint "tickets_follow_up_of_id_foreign";`);

    this.addSql(`alter table "ticket_comments" drop constraint "ticket_comments_ticket_id_foreign";`);

    this.addSql(`alter table "ticket_status_changes" drop constraint "ticket_status_changes_ticket_id_foreign";`);

    this.addSql(`drop table if exists "tickets" cascade;`);

    this.addSql(`drop table if exists "ticket_comments" cascade;`);

    this.addSql(`drop table if exists "ticket_fields" cascade;`);

    this.addSql(`drop table if exists "ticket_status_changes" cascade;`);

    this.addSql(`alter table "portal_settings" drop column "standard_field_visibility";`);
    this.addSql(`drop sequence if exists "ticket_number_seq";`);
  }

}
