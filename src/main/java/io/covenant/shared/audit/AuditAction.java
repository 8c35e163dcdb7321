package io.covenant.shared.audit;

/** What an audit entry records; the values of audit_logs.action. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    LOGIN,
    LOGOUT,
    FAILED_LOGIN
}
