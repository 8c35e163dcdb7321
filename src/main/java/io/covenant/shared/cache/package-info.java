/** Cache invalidation across nodes through PostgreSQL LISTEN/NOTIFY. */
@NullMarked
package io.covenant.shared.cache;

import org.jspecify.annotations.NullMarked;
