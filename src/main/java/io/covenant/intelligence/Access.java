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

/** What intelligence events and analysis reports share under the access rule: their permissions, the company links. */
final class Access {

    private Access() {}

    /**
     * Rows read with {@code intelligence:read} and written with {@code intelligence:write}, whose commands may link
     * only to companies the caller sees.
     */
    static <C extends CompanyLinks> Kind<C> kind(String entity, String label, String noun, Companies companies) {
        return new Kind<>(
                entity,
                label,
                noun,
                Permission.INTELLIGENCE_READ,
                Permission.INTELLIGENCE_WRITE,
                (caller, command) -> command.companyLinks()
                        .forEach((field, ids) -> requireVisibleCompanies(companies, caller, ids, field)));
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
