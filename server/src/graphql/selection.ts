import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

const within = new WeakMap<readonly FieldNode[], Map<ReadonlySet<string>, boolean>>();

/**
 * Whether the client asked this field for nothing but `fields` (fragments included), e.g. a
 * contact's id and name that a page's statement already joined. Cached per parsed operation: the
 * documents are parsed once, so the same nodes come back on every request.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  let byFields = within.get(info.fieldNodes);
  if (!byFields) within.set(info.fieldNodes, (byFields = new Map()));
  let answer = byFields.get(fields);
  if (answer === undefined) {
    answer = info.fieldNodes.every((node) => !node.selectionSet || setWithin(node.selectionSet, fields, info));
    byFields.set(fields, answer);
  }
  return answer;
}

function setWithin(set: SelectionSetNode, fields: ReadonlySet<string>, info: GraphQLResolveInfo): boolean {
  return set.selections.every((selection) => {
    if (selection.kind === 'Field') return selection.name.value === '__typename' || fields.has(selection.name.value);
    if (selection.kind === 'InlineFragment') return setWithin(selection.selectionSet, fields, info);
    const fragment = info.fragments[selection.name.value];
    return !!fragment && setWithin(fragment.selectionSet, fields, info);
  });
}

const asked = new WeakMap<readonly FieldNode[], Map<string, boolean>>();

/** Whether the client asked this field for `name` (directly or in a fragment), e.g. a list's totalCount. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  let byName = asked.get(info.fieldNodes);
  if (!byName) asked.set(info.fieldNodes, (byName = new Map()));
  let answer = byName.get(name);
  if (answer === undefined) {
    answer = info.fieldNodes.some((node) => !!node.selectionSet && setHas(node.selectionSet, name, info));
    byName.set(name, answer);
  }
  return answer;
}

function setHas(set: SelectionSetNode, name: string, info: GraphQLResolveInfo): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === 'Field') return selection.name.value === name;
    if (selection.kind === 'InlineFragment') return setHas(selection.selectionSet, name, info);
    const fragment = info.fragments[selection.name.value];
    return !!fragment && setHas(fragment.selectionSet, name, info);
  });
}

const below = new WeakMap<readonly FieldNode[], Map<string, ReadonlySet<string>>>();

/**
 * The field names the client asked for at `path` below this field (fragments included), e.g.
 * ['edges', 'node'] of a connection: what a list's statement needs to read. Cached per operation.
 */
export function selectedAt(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  let byPath = below.get(info.fieldNodes);
  if (!byPath) below.set(info.fieldNodes, (byPath = new Map()));
  const key = path.join('.');
  let names = byPath.get(key);
  if (!names) {
    let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    for (const step of path) sets = sets.flatMap((set) => fieldsNamed(set, step, info).flatMap((field) => (field.selectionSet ? [field.selectionSet] : [])));
    const found = new Set<string>();
    for (const set of sets) collectNames(set, info, found);
    byPath.set(key, (names = found));
  }
  return names;
}

function fieldsNamed(set: SelectionSetNode, name: string, info: GraphQLResolveInfo): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return selection.name.value === name ? [selection] : [];
    if (selection.kind === 'InlineFragment') return fieldsNamed(selection.selectionSet, name, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsNamed(fragment.selectionSet, name, info) : [];
  });
}

function collectNames(set: SelectionSetNode, info: GraphQLResolveInfo, into: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === 'Field') into.add(selection.name.value);
    else if (selection.kind === 'InlineFragment') collectNames(selection.selectionSet, info, into);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collectNames(fragment.selectionSet, info, into);
    }
  }
}
