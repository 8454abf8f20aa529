import { isStaff, type Principal } from '../auth/principal.js';

/**
 * Who may see and decide held mail (messages from an existing contact's address whose sender could
 * not be verified). Technicians only: a held message may be a forgery in a contact's name, so
 * contacts never see one by any path, not even their own address's.
 */
export const mailPolicy = {
  /** Lists, reads and counts of held mail. */
  maySeeHeldMail(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** Accepting (delivering it as the sender's) or discarding a held message. */
  mayDecideHeldMail(principal: Principal): boolean {
    return isStaff(principal);
  },
};
