import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { auditActor, auditActorWith } from '../audit/audit.service.js';
import { followCaller } from '../auth/live-session.js';
import { Allow } from '../auth/permissions.js';
import { deviceOf, isContact, isStaff } from '../auth/principal.js';
import { Contact } from '../contacts/contact.entity.js';
import type { Context } from '../context.js';
import { AppError, notFound } from '../core/errors.js';
import { Customer } from '../customers/customer.entity.js';
import { isUuid } from '../db/query-helpers.js';
import { inStatementTransaction, inTransaction } from '../db/transaction.js';
import { PageArgs, paginate } from '../graphql/connection.js';
import { refreshForEvent } from '../graphql/memo.js';
import { LiveKeys, type EventTopics } from '../pubsub/event-bus.js';
import { PortalSection } from '../settings/portal-settings.entity.js';
import { assertSectionAvailable } from '../settings/request-settings.js';
import { openTicketFromDevice } from '../tickets/ticket.service.js';
import { DeviceCommand } from './device-command.entity.js';
import { readCommandTarget, readVisibleCommand, readWaitingCommands, type CommandEnvelope, type DeviceCommandRow } from './device.reads.js';
import { Device } from './device.entity.js';
import { devicePolicy } from './device.policy.js';
import { assignDevice, cancelCommand, createEnrollmentToken, recordFacts, enrollDevice, queueCommand, reportCommand, revokeDevice, revokeEnrollmentToken, type CommandWriteContext, type DeviceWriteContext } from './device.service.js';
import {
  CreatedEnrollmentToken, CreateEnrollmentTokenInput, DeviceCommandConnection, DeviceCommandEnvelope, DeviceCommandsArgs, DeviceConnection, DeviceEnrollment, DeviceFacts,
  DeviceFactsInput, DevicesArgs, EnrollDeviceInput, EnrollmentTokenConnection, ReportDeviceCommandInput, SendDeviceCommandInput,
} from './device.types.js';
import { EnrollmentToken } from './enrollment-token.entity.js';

/** A device is online while its agent holds a connection and has been heard from lately (an instance that died leaves no stale "online"). */
const ONLINE_WITHIN_MS = 3 * 60_000;

/** Contacts reach devices only where the self-service section is open to their customer. */
async function sectionGate(ctx: Context): Promise<void> {
  if (isContact(ctx.principal)) await assertSectionAvailable(ctx, PortalSection.SELF_SERVICE);
}

/** A device the caller may see; NOT_FOUND for a missing one and one out of scope alike. */
async function findVisibleDevice(ctx: Context, id: string): Promise<Device> {
  await sectionGate(ctx);
  const device = isUuid(id) ? await ctx.em.findOne(Device, { $and: [{ id }, devicePolicy.devices(ctx.principal)] }) : null;
  if (!device) throw notFound();
  return device;
}

async function findVisibleCommand(ctx: Context, id: string): Promise<DeviceCommandRow> {
  await sectionGate(ctx);
  const command = await readVisibleCommand(ctx.services.reads, ctx.principal, id);
  if (!command) throw notFound();
  return command;
}

async function write<T>(ctx: Context, work: (w: DeviceWriteContext) => Promise<T>): Promise<T> {
  return inTransaction(ctx.em, ctx.services.domainEvents, async (tx, record) => work({ tx, record, actor: await auditActor(tx, ctx.principal, ctx.ip) }));
}

/** A write of the commands' hot path: prepared statements, no ORM (db/transaction.ts inStatementTransaction). */
async function writeCommand<T>(ctx: Context, work: (w: CommandWriteContext) => Promise<T>): Promise<T> {
  return inStatementTransaction(ctx.services.reads, ctx.services.domainEvents, async (run, record) => work({ run, record, actor: await auditActorWith(run, ctx.principal, ctx.ip) }));
}

/**
 * The commands of the connected agent's device: first whatever is waiting for it (QUEUED, or
 * DELIVERED / RUNNING without a result: the agent's journal tells it whether it ran them), then each new
 * one as any instance queues it (its event carries the signed envelope). The live subscription is
 * opened before the waiting ones are read, so nothing queued in between is missed; an id is offered
 * once per subscription.
 */
async function* agentCommands(ctx: Context): AsyncGenerator<CommandEnvelope> {
  const device = deviceOf(ctx.principal);
  const live = ctx.services.events.subscribe('DEVICE_COMMAND_QUEUED', [`agent:${device.id}`])[Symbol.asyncIterator]();
  const offered = new Set<string>();
  try {
    for (const envelope of await readWaitingCommands(ctx.services.reads, device.id)) {
      offered.add(envelope.id);
      yield envelope;
    }
    for (let event = await live.next(); !event.done; event = await live.next()) {
      // Without an envelope (events may have been missed: the bus lost its connection), read what waits again.
      const envelopes = event.value.envelope ? [event.value.envelope as CommandEnvelope] : await readWaitingCommands(ctx.services.reads, device.id);
      for (const envelope of envelopes) {
        if (offered.has(envelope.id)) continue;
        offered.add(envelope.id);
        yield envelope;
      }
    }
  } finally {
    await live.return?.();
  }
}

@Resolver(() => Device)
export class DeviceResolver {
  // ---- reading devices (technicians, contacts their own) ----

  @Allow('SIGNED_IN', 'DEVICE')
  @Query(() => DeviceConnection, { description: 'Devices the caller may see, by host name: technicians all of them, contacts the ones assigned to them, an agent its own.' })
  async devices(@Args() args: DevicesArgs, @Ctx() ctx: Context) {
    await sectionGate(ctx);
    const search = args.search?.trim();
    const where: FilterQuery<Device> = {
      $and: [
        devicePolicy.devices(ctx.principal),
        args.customerId ? (isUuid(args.customerId) ? { customer: args.customerId } : { id: { $in: [] } }) : {},
        search ? { hostname: { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {},
      ],
    };
    return paginate(ctx.em, Device, where, args, { hostname: 'asc', id: 'asc' });
  }

  @Allow('SIGNED_IN', 'DEVICE')
  @Query(() => Device, { description: 'One device. NOT_FOUND when missing or not visible to the caller.' })
  async device(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    return findVisibleDevice(ctx, id);
  }

  @Allow('STAFF')
  @Query(() => DeviceCommandConnection, { description: 'Commands, newest first, of one device or all (technicians): the command audit.' })
  async deviceCommands(@Args() args: DeviceCommandsArgs, @Ctx() ctx: Context) {
    const where: FilterQuery<DeviceCommand> = { $and: [devicePolicy.commands(ctx.principal), args.deviceId ? (isUuid(args.deviceId) ? { device: args.deviceId } : { id: { $in: [] } }) : {}] };
    return paginate(ctx.em, DeviceCommand, where, args, { createdAt: 'desc', id: 'desc' });
  }

  @Allow('SIGNED_IN', 'DEVICE')
  @Query(() => DeviceCommand, { description: 'One command. NOT_FOUND when missing or not visible to the caller.' })
  async deviceCommand(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    return findVisibleCommand(ctx, id);
  }

  // ---- enrollment (administrators; the agent with its token) ----

  @Allow('ADMIN')
  @Query(() => EnrollmentTokenConnection, { description: 'Enrollment tokens, newest first (administrators).' })
  async enrollmentTokens(@Args() args: PageArgs, @Ctx() ctx: Context, @Arg('customerId', () => ID, { nullable: true, description: 'Only this customer’s.' }) customerId?: string | null) {
    const where: FilterQuery<EnrollmentToken> = customerId ? (isUuid(customerId) ? { customer: customerId } : { id: { $in: [] } }) : {};
    return paginate(ctx.em, EnrollmentToken, where, args, { createdAt: 'desc', id: 'desc' });
  }

  @Allow('ADMIN')
  @Mutation(() => CreatedEnrollmentToken, { description: 'Creates an enrollment token for a customer’s devices; its secret is in the answer only (administrators).' })
  async createEnrollmentToken(@Arg('input', { description: 'See the input type.' }) input: CreateEnrollmentTokenInput, @Ctx() ctx: Context) {
    return write(ctx, (w) => createEnrollmentToken(w, input));
  }

  @Allow('ADMIN')
  @Mutation(() => EnrollmentToken, { description: 'Revokes an enrollment token: no device can enroll with it any more (administrators).' })
  async revokeEnrollmentToken(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    const token = isUuid(id) ? await ctx.em.findOne(EnrollmentToken, id) : null;
    if (!token) throw notFound();
    return write(ctx, (w) => revokeEnrollmentToken(w, token));
  }

  @Allow('PUBLIC')
  @Mutation(() => DeviceEnrollment, { description: 'An agent enrolls with an enrollment token (no session): it gets the device’s credential and Portico’s command key. Any unusable token is BAD_USER_INPUT on `token`.' })
  async enrollDevice(@Arg('input', { description: 'See the input type.' }) input: EnrollDeviceInput, @Ctx() ctx: Context): Promise<DeviceEnrollment> {
    const { device, deviceToken } = await inTransaction(ctx.em, ctx.services.domainEvents, (tx, record) => enrollDevice(tx, record, input, ctx.ip));
    return { deviceId: device.id, deviceToken, commandKey: ctx.services.devices.signer.publicKeyPem };
  }

  // ---- operating devices (technicians) ----

  @Allow('STAFF')
  @Mutation(() => Device, { description: 'Assigns a device to a contact of its customer, or to nobody with `contactId: null` (technicians).' })
  async assignDevice(
    @Arg('deviceId', () => ID, { description: 'The device.' }) deviceId: string,
    @Arg('contactId', () => ID, { nullable: true, description: 'The contact; null to unassign.' }) contactId: string | null,
    @Ctx() ctx: Context,
  ) {
    const device = await findVisibleDevice(ctx, deviceId);
    return write(ctx, (w) => assignDevice(w, device, contactId));
  }

  @Allow('ADMIN')
  @Mutation(() => Device, { description: 'Revokes a device: its credential stops working at once, its connection is closed and its waiting commands are cancelled (administrators).' })
  async revokeDevice(@Arg('id', () => ID, { description: 'The device.' }) id: string, @Ctx() ctx: Context) {
    const device = await findVisibleDevice(ctx, id);
    return write(ctx, (w) => revokeDevice(w, device));
  }

  @Allow('STAFF')
  @Mutation(() => DeviceCommand, { description: 'Queues a command for a device (technicians). Delivered at once when its agent is online, else when it connects, unless it expires first (power actions 15 minutes, others 24 hours).' })
  async sendDeviceCommand(@Arg('input', { description: 'See the input type.' }) input: SendDeviceCommandInput, @Ctx() ctx: Context) {
    if (!devicePolicy.canOperate(ctx.principal)) throw new AppError('FORBIDDEN');
    await sectionGate(ctx);
    const device = await readCommandTarget(ctx.services.reads, ctx.principal, input.deviceId);
    if (!device) throw notFound();
    return writeCommand(ctx, (w) => queueCommand(w, ctx.services.devices.signer, device, input.action, input));
  }

  @Allow('STAFF')
  @Mutation(() => DeviceCommand, { description: 'Cancels a command its agent has not received yet (CONFLICT otherwise) (technicians).' })
  async cancelDeviceCommand(@Arg('id', () => ID, { description: 'The command.' }) id: string, @Ctx() ctx: Context) {
    const command = await findVisibleCommand(ctx, id);
    return writeCommand(ctx, (w) => cancelCommand(w, command));
  }

  // ---- the agent ----

  @Allow('DEVICE')
  @Mutation(() => Boolean, { description: 'The agent reports its computer’s facts (and that it is alive), every few minutes.' })
  async reportDeviceFacts(@Arg('input', { description: 'See the input type.' }) input: DeviceFactsInput, @Ctx() ctx: Context) {
    const device = deviceOf(ctx.principal);
    const changed = await recordFacts(ctx.services.reads, device.id, input);
    // The statement committed by itself: its event goes straight to the after-commit handlers.
    if (changed) ctx.services.domainEvents.runAfterCommit([{ name: 'device.changed', data: changed }]);
    return changed !== undefined;
  }

  @Allow('DEVICE')
  @Mutation(() => Boolean, { description: 'The agent reports a command’s progress: received (DELIVERED), RUNNING, then SUCCEEDED or FAILED with its output. The same status twice is accepted; backwards is CONFLICT; another device’s command is NOT_FOUND.' })
  async reportDeviceCommand(@Arg('input', { description: 'See the input type.' }) input: ReportDeviceCommandInput, @Ctx() ctx: Context) {
    const device = deviceOf(ctx.principal);
    await inStatementTransaction(ctx.services.reads, ctx.services.domainEvents, (run, record) => reportCommand(run, record, device.id, input));
    return true;
  }

  @Allow('DEVICE')
  @Mutation(() => Int, { description: '"I need help" from the computer: opens a ticket for the device’s assigned contact (or its customer, unassigned) with the device’s facts; answers the ticket number.' })
  async requestDeviceHelp(@Arg('text', () => String, { description: 'What is wrong, in the user’s words (at most 2,000 characters).' }) text: string, @Ctx() ctx: Context) {
    const device = await findVisibleDevice(ctx, deviceOf(ctx.principal).id);
    const ticket = await inTransaction(ctx.em, ctx.services.domainEvents, (tx, record) => openTicketFromDevice(tx, record, device, text));
    return ticket.number;
  }

  @Allow('DEVICE')
  @Subscription(() => DeviceCommandEnvelope, {
    name: 'deviceCommands',
    nullable: false,
    description: 'The connected agent’s commands: first those waiting for it, then each new one as it is queued (docs/DEVICE-PROTOCOL.md).',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => agentCommands(context),
  })
  deviceCommandsForAgent(@Root() envelope: CommandEnvelope): DeviceCommandEnvelope {
    return envelope;
  }

  // ---- live views (console, portal) ----

  @Allow('SIGNED_IN')
  @Subscription(() => Device, {
    nullable: false,
    description: 'Devices the caller may see, each time one changes (online or offline, facts, assignment, revocation).',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { deviceId?: string | null }, Context>) => {
      const keys = args.deviceId ? [`device:${args.deviceId}`] : devicePolicy.liveKeys(context.principal);
      return visibleOnly(context, followCaller(context, context.services.events.subscribe('DEVICE_CHANGED', new LiveKeys(keys))), (em, event) => em.count(Device, { $and: [{ id: event.deviceId }, devicePolicy.devices(context.principal)] }));
    },
  })
  async deviceChanged(@Root() event: EventTopics['DEVICE_CHANGED'], @Arg('deviceId', () => ID, { nullable: true, description: 'Only this device.' }) _deviceId: string | null, @Ctx() ctx: Context) {
    return findVisibleDevice(refreshForEvent(ctx), event.deviceId);
  }

  @Allow('SIGNED_IN')
  @Subscription(() => DeviceCommand, {
    nullable: false,
    description: 'Commands the caller may see, each time one moves on (delivered, running, succeeded, failed, expired, cancelled).',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { deviceId?: string | null }, Context>) => {
      const keys = args.deviceId ? [`device:${args.deviceId}`] : devicePolicy.liveKeys(context.principal);
      return visibleOnly(context, followCaller(context, context.services.events.subscribe('DEVICE_COMMAND_CHANGED', new LiveKeys(keys))), async (_, event) => ((await readVisibleCommand(context.services.reads, context.principal, event.commandId)) ? 1 : 0));
    },
  })
  async deviceCommandChanged(@Root() event: EventTopics['DEVICE_COMMAND_CHANGED'], @Arg('deviceId', () => ID, { nullable: true, description: 'Only this device’s commands.' }) _deviceId: string | null, @Ctx() ctx: Context) {
    refreshForEvent(ctx);
    // The row as committed came with the event (this instance wrote it): whoever sees every command needs no read.
    if (event.local && devicePolicy.seesEveryCommand(ctx.principal)) return event.local.row as DeviceCommandRow;
    return findVisibleCommand(ctx, event.commandId);
  }

  // ---- fields ----

  @FieldResolver(() => Customer, { description: 'The customer it belongs to.' })
  customer(@Root() device: Device, @Ctx() ctx: Context) {
    return ctx.em.getReference(Customer, device.customer.id, { wrapped: true }).load({ dataloader: true });
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact it is assigned to, if any.' })
  assignedContact(@Root() device: Device, @Ctx() ctx: Context) {
    const id = device.assignedContact?.id;
    return id ? ctx.em.getReference(Contact, id, { wrapped: true }).load({ dataloader: true }) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether its agent is connected now.' })
  online(@Root() device: Device): boolean {
    return !!device.connectionId && !device.revokedAt && !!device.lastSeenAt && Date.now() - device.lastSeenAt.getTime() < ONLINE_WITHIN_MS;
  }

  @FieldResolver(() => DeviceFacts, { nullable: true, description: 'What the agent last reported (none before its first report).' })
  facts(@Root() device: Device): DeviceFacts | null {
    return device.facts && device.factsReportedAt ? { ...device.facts, reportedAt: device.factsReportedAt } : null;
  }

  @FieldResolver(() => DeviceCommandConnection, { description: 'Its commands the caller may see, newest first.' })
  async commands(@Root() device: Device, @Args() args: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, DeviceCommand, { $and: [{ device: device.id }, devicePolicy.commands(ctx.principal)] }, args, { createdAt: 'desc', id: 'desc' });
  }
}

@Resolver(() => EnrollmentToken)
export class EnrollmentTokenResolver {
  @FieldResolver(() => Customer, { description: 'The customer whose devices enroll with it.' })
  customer(@Root() token: EnrollmentToken, @Ctx() ctx: Context) {
    return ctx.em.getReference(Customer, token.customer.id, { wrapped: true }).load({ dataloader: true });
  }
}

@Resolver(() => DeviceCommand)
export class DeviceCommandResolver {
  @FieldResolver(() => Device, { description: 'The device it is for.' })
  device(@Root() command: DeviceCommand | DeviceCommandRow, @Ctx() ctx: Context) {
    return ctx.em.getReference(Device, command.device.id, { wrapped: true }).load({ dataloader: true });
  }

  @FieldResolver(() => String, { description: 'Its arguments, a JSON object as text (user name, package id).' })
  arguments(@Root() command: DeviceCommand | DeviceCommandRow): string {
    return command.arguments;
  }
}

/** Live events the caller may see now (checked in the database at delivery; technicians need no check). */
function visibleOnly<T>(ctx: Context, source: AsyncIterable<T>, visible: (em: Context['em'], event: T) => Promise<number>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const inner = source[Symbol.asyncIterator]();
      return {
        async next() {
          for (let event = await inner.next(); !event.done; event = await inner.next()) {
            if (isStaff(ctx.principal) || (await visible(ctx.em.fork(), event.value)) > 0) return event;
          }
          return { value: undefined, done: true };
        },
        return: async () => inner.return?.() ?? { value: undefined, done: true },
      };
    },
  };
}
