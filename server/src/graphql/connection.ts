import { Cursor } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, FindByCursorOptions, QueryOrderMap } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../core/errors.js';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 25, description: `How many items to return (1 to ${MAX_PAGE_SIZE}).` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (pageInfo.endCursor of the previous page).' })
  after?: string | null;
}

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** A promise, so the count query runs only when a client asks for totalCount. */
  totalCount: number | Promise<number>;
}

/** Builds the Relay connection type `<Name>Connection` with `<Name>Edge` for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item, for `after`.' })
    cursor!: string;

    @Field(() => node, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds.' })
    totalCount!: number | Promise<number>;
  }
  return ConnectionType;
}

/**
 * Keyset pagination (MikroORM `findByCursor`): pages stay fast deep into large lists, unlike
 * OFFSET. The order must end in a unique column so cursors are unambiguous.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  orderBy: QueryOrderMap<T>,
  options: { populate?: readonly string[] } = {},
): Promise<ConnectionShape<T>> {
  checkPageSize(args.first);
  if (args.after) {
    try {
      Cursor.decode(args.after);
    } catch {
      throw badInput('after', 'validation.invalidCursor');
    }
  }
  const cursor = await em.findByCursor(entity, where, { first: args.first, after: args.after ?? undefined, orderBy, includeCount: false, ...options } as unknown as FindByCursorOptions<T, never>);
  return {
    edges: cursor.items.map((item) => ({ cursor: cursor.from(item), node: item })),
    pageInfo: { hasNextPage: !!cursor.hasNextPage, hasPreviousPage: !!cursor.hasPrevPage, startCursor: cursor.startCursor, endCursor: cursor.endCursor },
    // A getter: the COUNT(*) runs only when a client selects totalCount.
    get totalCount() {
      return em.count(entity, where);
    },
  };
}

/**
 * Cursors of the plain-SQL read paths: the sort key and the id as PostgreSQL wrote them (text, so
 * microseconds survive the round trip; a JavaScript Date would drop them and skip or repeat rows).
 */
export function encodeKeyset(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The parts of a keyset cursor, each checked against its pattern; BAD_USER_INPUT on `after` for anything else. */
export function decodeKeyset(cursor: string, patterns: readonly RegExp[]): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('after', 'validation.invalidCursor');
  }
  if (!Array.isArray(parts) || parts.length !== patterns.length || !parts.every((part, i) => typeof part === 'string' && patterns[i]!.test(part))) {
    throw badInput('after', 'validation.invalidCursor');
  }
  return parts as string[];
}

/** `first` within 1..MAX_PAGE_SIZE, else BAD_USER_INPUT on `first`. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', 'validation.pageSize', { max: MAX_PAGE_SIZE });
}
