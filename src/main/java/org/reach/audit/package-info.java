/**
 * The append-only audit log: who did what to which record, when and from where, including every read
 * of client-level data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.reach.audit;
