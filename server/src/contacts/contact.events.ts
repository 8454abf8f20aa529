declare module '../db/domain-events.js' {
  interface DomainEvents {
    /**
     * A contact got a password: at creation, or re-issued. The password lives only in memory until a
     * handler seals it (the welcome email); it is never logged or published.
     */
    'contact.credentialsIssued': { contactId: string; password: string; reissued: boolean };
  }
}

export {};
