package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The company-link check shared by intelligence events and analysis reports. */
final class Access {

    private Access() {}

    /** Refuses links to companies the caller cannot see, naming the field that holds them. */
    static void requireVisibleCompanies(Companies companies, Caller caller, Collection<UUID> ids, String field) {
        Set<UUID> missing = new HashSet<>(ids);
        missing.removeAll(companies.visibleIds(caller, missing));
        if (!missing.isEmpty()) {
            throw InvalidInput.of(field, "refers to a company that does not exist or is not visible to you");
        }
    }
}
