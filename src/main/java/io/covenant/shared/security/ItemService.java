package io.covenant.shared.security;

import java.util.UUID;

/**
 * An {@link ItemReader} whose items a caller also replaces and deletes by id: one it sees but may not change is a 403.
 *
 * @param <V> the item as the API answers it
 * @param <U> the command that replaces an item
 */
public interface ItemService<V, U> extends ItemReader<V> {

    V update(Caller caller, UUID id, U command);

    void delete(Caller caller, UUID id);
}
