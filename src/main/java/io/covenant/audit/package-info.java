/**
 * The audit log: every business mutation and every sign-in, sign-out and failed sign-in, written in the same
 * transaction as what it records, queryable by administrators and kept for the retention period.
 */
@ApplicationModule
package io.covenant.audit;

import org.springframework.modulith.ApplicationModule;
