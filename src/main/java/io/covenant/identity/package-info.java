/**
 * Identity and tenancy: accounts, sessions, tenants, organisations, roles, permissions and API keys. Its public API is
 * the {@link io.covenant.shared.security.Caller} every request carries.
 */
@ApplicationModule
@NullMarked
package io.covenant.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
