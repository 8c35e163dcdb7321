package io.covenant.prediction;

import java.util.Map;

/** What a batch of an upload did: predictions created, replaced, and the rows refused with the reason. */
public record ImportedPredictions(int created, int updated, Map<Integer, String> refused) {}
