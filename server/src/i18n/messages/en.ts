/** Server messages (errors) in English; the other catalogs must have exactly these keys. */
export const en = {
  'errors.unauthenticated': 'Please sign in first.',
  'errors.forbidden': 'You are not allowed to do this.',
  'errors.notFound': 'This does not exist, or you may not see it.',
  'errors.rateLimited': 'Too many attempts. Please wait {seconds} seconds and try again.',
  'errors.internal': 'Something went wrong on our side. Please try again.',
  'errors.invalidInput': 'Please check your input.',
  'auth.invalidCredentials': 'Wrong username or password.',
  'auth.wrongCurrentPassword': 'Your current password is not correct.',
  'auth.passwordTooShort': 'The password must have at least {min} characters.',
  'auth.passwordTooLong': 'The password must have at most {max} characters.',
  'auth.passwordUnchanged': 'The new password must differ from the current one.',
  'validation.required': 'This field is required.',
  'validation.tooLong': 'This field may have at most {max} characters.',
  'validation.invalidEmail': 'Please enter a valid email address.',
  'validation.invalidDomain': 'Please enter valid domain names, such as example.com.',
  'validation.invalidPhone': 'Please enter the phone number in international format, such as +41 44 123 45 67.',
  'validation.invalidUsername': 'Usernames have 3 to 40 letters, digits, dots, dashes or underscores.',
  'validation.pageSize': 'Ask for between 1 and {max} items.',
  'validation.invalidCursor': 'This page marker is not valid; start again from the first page.',
  'customers.nameTaken': 'A customer with this name already exists.',
  'customers.domainTaken': 'The domain {domain} already belongs to another customer.',
  'contacts.emailTaken': 'A contact with this email address already exists.',
  'technicians.usernameTaken': 'This username is already taken.',
  'technicians.lastAdmin': 'At least one administrator must remain.',
  'settings.sectionUnavailable': 'This section of the portal is not available to you.',
  'settings.staleVersion': 'Someone else changed these settings meanwhile. Reload and apply your changes again.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
