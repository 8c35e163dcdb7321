package io.covenant.search;

import java.util.List;

/** A page of ranked chunks for a query, with the mode used and how long the search took. */
public record SearchResults(String query, String mode, List<SearchHit> items, double tookMs) {}
