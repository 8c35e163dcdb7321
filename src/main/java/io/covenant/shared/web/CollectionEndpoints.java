package io.covenant.shared.web;

import io.covenant.shared.security.Caller;
import io.covenant.shared.security.CollectionService;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@link ItemEndpoints} and {@code POST} on the collection itself (201 with the new item), for a resource created with
 * the command that replaces one.
 *
 * @param <V> the item as the API answers it
 * @param <C> the command that creates or replaces an item
 */
public interface CollectionEndpoints<V, C> extends ItemEndpoints<V, C> {

    @Override
    CollectionService<V, C> service();

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    default V create(Caller caller, @Valid @RequestBody C command) {
        return service().create(caller, command);
    }
}
