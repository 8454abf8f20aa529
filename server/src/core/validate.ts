import { badInput } from './errors.js';

/** Input checks shared by every feature. Each throws BAD_USER_INPUT naming the field. */
export function requiredText(field: string, value: string | undefined | null, max = 200): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badInput(field, 'validation.required');
  if (trimmed.length > max) throw badInput(field, 'validation.tooLong', { max });
  return trimmed;
}

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by mail, not regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(field: string, value: string | undefined | null): string {
  const normalized = requiredText(field, value, 320).toLowerCase();
  if (!EMAIL.test(normalized)) throw badInput(field, 'validation.invalidEmail');
  return normalized;
}

const DOMAIN = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;
export function domainList(field: string, values: string[]): string[] {
  const normalized = [...new Set(values.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
  if (normalized.some((d) => !DOMAIN.test(d))) throw badInput(field, 'validation.invalidDomain');
  return normalized;
}

/** E.164: a plus, a country code and up to 15 digits; spaces and dashes people type are dropped. */
export function optionalPhone(field: string, value: string | undefined | null): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const compact = value.replace(/[\s\-().]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) throw badInput(field, 'validation.invalidPhone');
  return compact;
}

const USERNAME = /^[a-z0-9._-]{3,40}$/;
export function username(field: string, value: string | undefined | null): string {
  const normalized = requiredText(field, value, 40).toLowerCase();
  if (!USERNAME.test(normalized)) throw badInput(field, 'validation.invalidUsername');
  return normalized;
}
