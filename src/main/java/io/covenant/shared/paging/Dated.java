package io.covenant.shared.paging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row listed newest first: when it was created, and its id to break ties, are its place in a keyset page. */
public interface Dated {

    UUID id();

    OffsetDateTime createdAt();
}
