package io.covenant.intelligence;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** A command that links a row to companies: the caller must see each of them. */
interface CompanyLinks {

    /** The linked companies by the field that holds them, in the order they are checked (an ordered map). */
    Map<String, Collection<UUID>> companyLinks();
}
