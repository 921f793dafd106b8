package org.reach.audit;

public enum AuditAction {
    CREATE, UPDATE, DEACTIVATE, REACTIVATE, READ, EXPORT,
    LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED,
    PASSWORD_CHANGED, PASSWORD_RESET, TOKEN_CREATED, TOKEN_REVOKED;

    public String messageKey() {
        return "audit.action." + name();
    }
}
