import { Migration } from '@mikro-orm/migrations';

/**
 * The knowledge base section is off until the first article is published (issue 13). An install
 * still on the old default (all customers, with nothing to read) starts over from off; a scope an
 * admin chose stays, and counts as chosen.
 */
export class Migration20261204023012 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "portal_settings" add column "knowledge_base_scope_chosen" boolean not null default false;`);
    this.addSql(`alter table "portal_settings" alter column "knowledge_base_scope" type text using ("knowledge_base_scope"::text);`);
    this.addSql(`alter table "portal_settings" alter column "knowledge_base_scope" set default 'OFF';`);
    this.addSql(`update "portal_settings" set "knowledge_base_scope_chosen" = ("knowledge_base_scope" <> 'ALL_CUSTOMERS'),
      "knowledge_base_scope" = case when "knowledge_base_scope" = 'ALL_CUSTOMERS' then 'OFF' else "knowledge_base_scope" end;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "portal_settings" drop column "knowledge_base_scope_chosen";`);

    this.addSql(`alter table "portal_settings" alter column "knowledge_base_scope" type text using ("knowledge_base_scope"::text);`);
    this.addSql(`alter table "portal_settings" alter column "knowledge_base_scope" set default 'ALL_CUSTOMERS';`);
  }

}
