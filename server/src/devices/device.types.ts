import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../graphql/connection.js';
import { DeviceCommand } from './device-command.entity.js';
import { Device } from './device.entity.js';
import { DeviceAction, DeviceCommandReport, DeviceOs } from './device.enums.js';
import { EnrollmentToken } from './enrollment-token.entity.js';

export const DeviceConnection = Connection(Device, 'Device');
export const DeviceCommandConnection = Connection(DeviceCommand, 'DeviceCommand');
export const EnrollmentTokenConnection = Connection(EnrollmentToken, 'EnrollmentToken');

@ArgsType()
export class DevicesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this customer’s devices.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches part of the host name, ignoring case.' })
  search?: string | null;
}

@ArgsType()
export class DeviceCommandsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this device’s commands.' })
  deviceId?: string | null;
}

@ObjectType({ description: 'What the agent last reported about its computer.' })
export class DeviceFacts {
  @Field({ description: 'Host name.' })
  hostname!: string;

  @Field({ description: 'Operating system version.' })
  osVersion!: string;

  @Field(() => String, { nullable: true, description: 'The user signed in.' })
  loggedInUser!: string | null;

  @Field(() => Float, { nullable: true, description: 'Seconds since the computer started.' })
  uptimeSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Free space on the system disk, in bytes.' })
  freeDiskBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Size of the system disk, in bytes.' })
  totalDiskBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Free memory, in bytes.' })
  freeMemoryBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Installed memory, in bytes.' })
  totalMemoryBytes!: number | null;

  @Field({ description: 'When the agent reported them.' })
  reportedAt!: Date;
}

@InputType({ description: 'A new enrollment token.' })
export class CreateEnrollmentTokenInput {
  @Field(() => ID, { description: 'The customer whose devices enroll with it.' })
  customerId!: string;

  @Field({ defaultValue: true, description: 'Whether one enrollment uses it up (the default).' })
  singleUse!: boolean;

  @Field(() => Int, { defaultValue: 15, description: 'Minutes until it stops working (1 to 10080; 15 by default).' })
  expiresInMinutes!: number;
}

@ObjectType({ description: 'A new enrollment token, with its secret shown this once.' })
export class CreatedEnrollmentToken {
  @Field({ description: 'The secret the agent enrolls with (`portico-agent enroll --token …`); not shown again.' })
  token!: string;

  @Field(() => EnrollmentToken, { description: 'The token as it is kept.' })
  enrollmentToken!: EnrollmentToken;
}

@InputType({ description: 'What an agent sends when it enrolls.' })
export class EnrollDeviceInput {
  @Field({ description: 'The enrollment token.' })
  token!: string;

  @Field({ description: 'Host name (at most 200 characters).' })
  hostname!: string;

  @Field(() => DeviceOs, { description: 'Operating system.' })
  os!: DeviceOs;

  @Field({ description: 'Operating system version (at most 200 characters).' })
  osVersion!: string;

  @Field(() => String, { nullable: true, description: 'The user signed in (at most 200 characters).' })
  loggedInUser?: string | null;

  @Field({ description: 'The agent’s Ed25519 public key, PEM (SPKI).' })
  publicKey!: string;
}

@ObjectType({ description: 'What an enrolled agent keeps.' })
export class DeviceEnrollment {
  @Field(() => ID, { description: 'The new device’s id.' })
  deviceId!: string;

  @Field({ description: 'The device’s credential (connectionParams.deviceToken); only its hash is kept.' })
  deviceToken!: string;

  @Field({ description: 'Portico’s public key (PEM, Ed25519): every command is signed with it.' })
  commandKey!: string;
}

@InputType({ description: 'What the agent reports about its computer.' })
export class DeviceFactsInput {
  @Field({ description: 'Host name.' })
  hostname!: string;

  @Field({ description: 'Operating system version.' })
  osVersion!: string;

  @Field(() => String, { nullable: true, description: 'The user signed in.' })
  loggedInUser?: string | null;

  @Field(() => Float, { nullable: true, description: 'Seconds since the computer started.' })
  uptimeSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: 'Free space on the system disk, in bytes.' })
  freeDiskBytes?: number | null;

  @Field(() => Float, { nullable: true, description: 'Size of the system disk, in bytes.' })
  totalDiskBytes?: number | null;

  @Field(() => Float, { nullable: true, description: 'Free memory, in bytes.' })
  freeMemoryBytes?: number | null;

  @Field(() => Float, { nullable: true, description: 'Installed memory, in bytes.' })
  totalMemoryBytes?: number | null;
}

@InputType({ description: 'What the agent reports about one of its commands.' })
export class ReportDeviceCommandInput {
  @Field(() => ID, { description: 'The command.' })
  id!: string;

  @Field(() => DeviceCommandReport, { description: 'Received (DELIVERED), RUNNING, SUCCEEDED or FAILED.' })
  status!: DeviceCommandReport;

  @Field(() => String, { nullable: true, description: 'What it printed (kept up to 16 KB).' })
  output?: string | null;
}

@InputType({ description: 'A command for a device.' })
export class SendDeviceCommandInput {
  @Field(() => ID, { description: 'The device.' })
  deviceId!: string;

  @Field(() => DeviceAction, { description: 'What to do. RESET_PASSWORD comes with the contacts’ SMS-checked self-service.' })
  action!: DeviceAction;

  @Field(() => String, { nullable: true, description: 'LOG_OFF: the user to sign out (else the console user).' })
  userName?: string | null;

  @Field(() => String, { nullable: true, description: 'INSTALL_SOFTWARE: the Chocolatey id (Windows) or Homebrew name (macOS).' })
  packageId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'INSTALL_SOFTWARE on macOS: a Homebrew cask.' })
  cask?: boolean | null;
}

@ObjectType({ description: 'A command as the agent receives it: signed by Portico (docs/DEVICE-PROTOCOL.md).' })
export class DeviceCommandEnvelope {
  @Field(() => ID, { description: 'The command’s id.' })
  id!: string;

  @Field(() => DeviceAction, { description: 'What to do.' })
  action!: DeviceAction;

  @Field({ description: 'The arguments, a JSON object as text (exactly as signed).' })
  arguments!: string;

  @Field({ description: '128 random bits, hex.' })
  nonce!: string;

  @Field({ description: 'ISO 8601 instant after which the agent refuses it (exactly as signed).' })
  expiresAt!: string;

  @Field({ description: 'Base64 Ed25519 signature of the signed text by `commandKey`.' })
  signature!: string;
}
