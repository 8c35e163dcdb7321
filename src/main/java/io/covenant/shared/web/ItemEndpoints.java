package io.covenant.shared.web;

import io.covenant.shared.security.Caller;
import io.covenant.shared.security.ItemService;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@link ItemReadEndpoint} and the item's changes: {@code PUT /{id}} with a validated command (422 names the fields)
 * and {@code DELETE /{id}} (204).
 *
 * @param <V> the item as the API answers it
 * @param <U> the command that replaces an item
 */
public interface ItemEndpoints<V, U> extends ItemReadEndpoint<V> {

    @Override
    ItemService<V, U> service();

    @PutMapping("/{id}")
    default V update(Caller caller, @PathVariable UUID id, @Valid @RequestBody U command) {
        return service().update(caller, id, command);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    default void delete(Caller caller, @PathVariable UUID id) {
        service().delete(caller, id);
    }
}
