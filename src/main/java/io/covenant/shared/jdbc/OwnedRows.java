package io.covenant.shared.jdbc;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.paging.Dated;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.CollectionService;
import io.covenant.shared.security.Owned;
import io.covenant.shared.security.OwnedCommand;
import io.covenant.shared.security.Permission;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service of one kind of row under the access rule: reads need the read permission and find only the rows the
 * caller sees (another's row is a 404); writes need the write permission, a change or delete needs
 * {@link Caller#requireChange}, a delete is soft, and every change publishes its {@link Audited} event in the same
 * transaction. A module's service extends it, naming its rows and what it checks of a command's links.
 *
 * @param <T> the row
 * @param <C> the command that creates or replaces a row
 * @param <F> the filters of a list
 */
public abstract class OwnedRows<T extends Owned & Dated, C extends OwnedCommand, F> implements CollectionService<T, C> {

    /**
     * What names the rows and guards them.
     *
     * @param entity the audit log's entity type
     * @param label the resource a 404 names ("Analysis report")
     * @param noun what the refused change names ("this report")
     * @param linkCheck refuses a command that links to what the caller may not use (say, a company it does not
     *     see); runs before every create and update
     */
    public record Kind<C>(
            String entity,
            String label,
            String noun,
            Permission read,
            Permission write,
            BiConsumer<Caller, C> linkCheck) {}

    private final Kind<C> kind;

    private final OwnedStore<T, C, F> store;

    private final ApplicationEventPublisher events;

    protected OwnedRows(Kind<C> kind, OwnedStore<T, C, F> store, ApplicationEventPublisher events) {
        this.kind = kind;
        this.store = store;
        this.events = events;
    }

    @Transactional
    public T create(Caller caller, C command) {
        caller.require(kind.write());
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        kind.linkCheck().accept(caller, command);
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
        return CursorPage.of(store.page(caller, filter, Cursor.decode(cursor), limit), limit, Cursor::of);
    }

    @Transactional
    public T update(Caller caller, UUID id, C command) {
        caller.require(kind.write());
        T before = changeable(caller, id);
        kind.linkCheck().accept(caller, command);
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
