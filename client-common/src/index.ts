// The public face of @portico/client-common: the apps import from here, by package name.
export * from './action';
export * from './attachments';
export * from './i18n';
export * from './password-strength';
export * from './query-view';
export * from './urql';
export * from './session';
export * from './attachment-list';
export * from './messages';
export * from './ticket-labels';
export * from './upload';
export * from './attachment-picker';
export * from './skip-link';
export * from './safe-html';
export * from './device-labels';
