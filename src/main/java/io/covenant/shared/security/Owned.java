package io.covenant.shared.security;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row under the access rule: who may see it ({@link AccessLevel}) and who may change it (its creator, its org). */
public interface Owned {

    UUID id();

    AccessLevel accessLevel();

    /** The owning organisation of an {@code organization} row; null for the other levels. */
    @Nullable
    UUID organizationId();

    UUID createdBy();
}
