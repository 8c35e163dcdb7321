package io.covenant.prediction;

import java.util.Map;

/**
 * Why a model scored what it did, on the calibrated log-odds scale: {@code intercept} plus the sum of
 * {@code contributions} is {@code score}, and the probability is the logistic of the score.
 */
public record Reasons(String model, double intercept, Map<String, Double> contributions, double score) {}
