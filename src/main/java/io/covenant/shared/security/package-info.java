/** The caller, its role and permissions, and the access rule in its SQL and in-memory forms. */
@NullMarked
package io.covenant.shared.security;

import org.jspecify.annotations.NullMarked;
