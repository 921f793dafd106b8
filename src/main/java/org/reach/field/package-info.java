/**
 * The offline field app: phones enrolled by a peer with a device token, revoked by the organisation manager (a revoked
 * phone wipes itself at its next contact), the delta download of what a peer needs offline, and the records a phone
 * queued that clash with what the server holds, kept for a supervisor to resolve beside the stored record, which is read
 * through its own capability's facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field app",
        allowedDependencies = {"platform", "audit", "accounts", "organisations", "clients", "services", "outreach",
                "followup", "earlywarning", "safety"})
package org.reach.field;
