package io.covenant.shared.jdbc;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Owned;
import io.covenant.shared.security.Permission;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service of one kind of row under the access rule: reads need the read permission and find only the rows the
 * caller sees (another's row is a 404); writes need the write permission, a change or delete needs
 * {@link Caller#requireChange}, a delete is soft, and every change publishes its {@link Audited} event in the same
 * transaction. A module's service extends it and adds what it checks of a command ({@link #checkLinks}).
 *
 * @param <T> the row
 * @param <C> the command that creates or replaces a row
 * @param <F> the filters of a list
 */
public abstract class OwnedRows<T extends Owned, C, F> {

    /**
     * What names the rows and guards them.
     *
     * @param entity the audit log's entity type
     * @param label the resource a 404 names ("Analysis report")
     * @param noun what the refused change names ("this report")
     */
    public record Kind(String entity, String label, String noun, Permission read, Permission write) {}

    private final Kind kind;

    private final OwnedStore<T, C, F> store;

    private final ApplicationEventPublisher events;

    protected OwnedRows(Kind kind, OwnedStore<T, C, F> store, ApplicationEventPublisher events) {
        this.kind = kind;
        this.store = store;
        this.events = events;
    }

    /** The access level a create asks for; null takes the caller's default. */
    protected abstract @Nullable AccessLevel requestedLevel(C command);

    /** Refuses a command that links to what the caller may not use; called before every create and update. */
    protected void checkLinks(Caller caller, C command) {}

    @Transactional
    public T create(Caller caller, C command) {
        caller.require(kind.write());
        AccessLevel level = caller.levelForNewRow(requestedLevel(command));
        checkLinks(caller, command);
        T created = find(caller, store.insert(command, level, caller.organizationFor(level), caller.userId()));
        events.publishEvent(Audited.created(kind.entity(), created));
        return created;
    }

    @Transactional(readOnly = true)
    public T get(Caller caller, UUID id) {
        caller.require(kind.read());
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    public CursorPage<T> list(Caller caller, F filter, @Nullable String cursor, int limit) {
        caller.require(kind.read());
        return CursorPage.of(
                store.page(caller, filter, Cursor.decode(cursor), limit),
                limit,
                row -> Cursor.of(row.createdAt(), row.id()));
    }

    @Transactional
    public T update(Caller caller, UUID id, C command) {
        caller.require(kind.write());
        T before = changeable(caller, id);
        checkLinks(caller, command);
        store.update(id, command);
        T after = find(caller, id);
        events.publishEvent(Audited.updated(kind.entity(), before, after));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(kind.write());
        T before = changeable(caller, id);
        store.table().softDelete(id);
        events.publishEvent(Audited.deleted(kind.entity(), before));
    }

    private T changeable(Caller caller, UUID id) {
        T row = find(caller, id);
        caller.requireChange(row, kind.noun());
        return row;
    }

    private T find(Caller caller, UUID id) {
        return store.table().findVisible(caller, id).orElseThrow(() -> new NotFound(kind.label(), id));
    }
}
