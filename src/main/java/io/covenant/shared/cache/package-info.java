/** Cache invalidation across nodes through PostgreSQL LISTEN/NOTIFY. */
package io.covenant.shared.cache;
