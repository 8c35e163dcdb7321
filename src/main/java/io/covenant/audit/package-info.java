/**
 * The audit log: every business mutation and every sign-in, sign-out and failed sign-in, written in the same
 * transaction as what it records, queryable by administrators and kept for the retention period.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.audit;
