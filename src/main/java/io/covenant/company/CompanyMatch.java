package io.covenant.company;

import io.covenant.shared.security.AccessLevel;
import java.util.UUID;

/** The company a symbol of an upload resolved to, and whether the upload created it. */
public record CompanyMatch(UUID id, String symbol, AccessLevel accessLevel, boolean created) {}
