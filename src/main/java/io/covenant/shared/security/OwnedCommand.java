package io.covenant.shared.security;

import org.jspecify.annotations.Nullable;

/** A command that creates a row under the access rule: the access level it asks for, if any. */
public interface OwnedCommand {

    /** Null takes the caller's default ({@link Caller#levelForNewRow}). */
    @Nullable
    AccessLevel accessLevel();
}
