/**
 * The audit log: every business mutation and every sign-in, sign-out and failed sign-in, written in the same
 * transaction as what it records, queryable by administrators and kept for the retention period.
 */
@ApplicationModule
@NullMarked
package io.covenant.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
