package io.covenant.shared.web;

import io.covenant.shared.security.Caller;
import io.covenant.shared.security.ItemReader;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /{id}} below a controller's {@code @RequestMapping}, answered by its service for the caller. A controller
 * implements it (or {@link ItemEndpoints}, {@link CollectionEndpoints}) with its resource's types, its record component
 * {@code service} answering {@link #service()}; Spring MVC maps these default methods on the controller and resolves
 * the type variables from its type arguments, so bodies are read, validated and described as the concrete types.
 *
 * @param <V> the item as the API answers it
 */
public interface ItemReadEndpoint<V> {

    /** The service behind the endpoints. */
    ItemReader<V> service();

    @GetMapping("/{id}")
    default V get(Caller caller, @PathVariable UUID id) {
        return service().get(caller, id);
    }
}
