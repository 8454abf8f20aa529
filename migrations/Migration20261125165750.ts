import { Migration } from '@mikro-orm/migrations';

export class Migration20261125165750 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customers" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "name_key" varchar(200) not null, constraint "customers_pkey" primary key ("id"));`);
    this.addSql(`alter table "customers" add constraint "customers_name_key_unique" unique ("name_key");`);

    this.addSql(`create table "contacts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" uuid not null, "name" varchar(200) not null, "email" varchar(320) not null, "username" varchar(40) not null, "password_hash" varchar(255) not null, "language" text check ("language" in ('en', 'fr', 'de', 'es', 'it')) null, "is_primary" boolean not null default false, "phone" varchar(20) null, "last_sign_in_at" timestamptz null, "credentials_issued_at" timestamptz not null, constraint "contacts_pkey" primary key ("id"));`);
    this.addSql(`alter table "contacts" add constraint "contacts_email_unique" unique ("email");`);
    this.addSql(`alter table "contacts" add constraint "contacts_username_unique" unique ("username");`);
    this.addSql(`create index "contacts_customer_id_name_index" on "contacts" ("customer_id", "name");`);

    this.addSql(`create table "customer_domains" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" uuid not null, "domain" varchar(253) not null, constraint "customer_domains_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_domains_customer_id_index" on "customer_domains" ("customer_id");`);
    this.addSql(`alter table "customer_domains" add constraint "customer_domains_domain_unique" unique ("domain");`);

    this.addSql(`create table "rate_limits" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limits_pkey" primary key ("key"));`);

    this.addSql(`create table "technicians" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "email" varchar(320) not null, "username" varchar(40) not null, "password_hash" varchar(255) not null, "role" text check ("role" in ('ADMIN', 'TECHNICIAN')) not null, "language" text check ("language" in ('en', 'fr', 'de', 'es', 'it')) null, "last_sign_in_at" timestamptz null, constraint "technicians_pkey" primary key ("id"));`);
    this.addSql(`alter table "technicians" add constraint "technicians_username_unique" unique ("username");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "token_hash" varchar(64) not null, "contact_id" uuid null, "technician_id" uuid null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null, "ip" varchar(64) null, "user_agent" varchar(400) null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_technician_id_index" on "sessions" ("technician_id");`);
    this.addSql(`create index "sessions_contact_id_index" on "sessions" ("contact_id");`);

    this.addSql(`alter table "contacts" add constraint "contacts_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);

    this.addSql(`alter table "customer_domains" add constraint "customer_domains_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sessions" add constraint "sessions_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_technician_id_foreign" foreign key ("technician_id") references "technicians" ("id") on update cascade on delete cascade;`);
  }

}
