package io.covenant.shared.security;

import java.util.UUID;

/**
 * A service whose items a caller reads by id, each under the caller's reach: one it may not see is a 404. What a
 * controller's {@code GET /{id}} delegates to.
 *
 * @param <V> the item as the API answers it
 */
public interface ItemReader<V> {

    V get(Caller caller, UUID id);
}
