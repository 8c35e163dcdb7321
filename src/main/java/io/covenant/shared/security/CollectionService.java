package io.covenant.shared.security;

/**
 * An {@link ItemService} whose collection also takes new items, created with the same command that replaces one.
 *
 * @param <V> the item as the API answers it
 * @param <C> the command that creates or replaces an item
 */
public interface CollectionService<V, C> extends ItemService<V, C> {

    V create(Caller caller, C command);
}
