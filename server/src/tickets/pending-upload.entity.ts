import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Account } from '../auth/account.entity.js';
import { BaseEntity } from '../db/base.entity.js';

/**
 * A file sent from the browser before the message it belongs to: the new ticket or reply that
 * names it takes it over (into ticket_attachments) in its own transaction; only the account that
 * uploaded it may. Unclaimed ones are dropped after a day (attachment-rules.ts).
 */
@Entity({ tableName: 'pending_uploads' })
@Index({ properties: ['createdAt'] })
export class PendingUpload extends BaseEntity {
  @ManyToOne(() => Account, { ref: true, deleteRule: 'cascade', index: true })
  owner!: Ref<Account>;

  @Property({ length: 255 })
  filename!: string;

  @Property({ length: 255 })
  contentType!: string;

  @Property()
  size!: number;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;
}
