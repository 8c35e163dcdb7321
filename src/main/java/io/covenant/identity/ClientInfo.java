package io.covenant.identity;

/** Where a request came from, kept with sessions and in the audit log. */
public record ClientInfo(String ip, String userAgent) {}
