package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.jdbc.OwnedRows.Kind;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/** What intelligence events and analysis reports share under the access rule: their permissions, the company links. */
final class Access {

    private Access() {}

    /** Rows read with {@code intelligence:read} and written with {@code intelligence:write}. */
    static <C> Kind<C> kind(String entity, String label, String noun, BiConsumer<Caller, C> linkCheck) {
        return new Kind<>(entity, label, noun, Permission.INTELLIGENCE_READ, Permission.INTELLIGENCE_WRITE, linkCheck);
    }

    /** Refuses links to companies the caller cannot see, naming the field that holds them. */
    static void requireVisibleCompanies(Companies companies, Caller caller, Collection<UUID> ids, String field) {
        Set<UUID> missing = new HashSet<>(ids);
        missing.removeAll(companies.visibleIds(caller, missing));
        if (!missing.isEmpty()) {
            throw InvalidInput.of(field, "refers to a company that does not exist or is not visible to you");
        }
    }
}
