package io.covenant.metric;

import io.covenant.shared.error.InvalidInput;
import java.util.Locale;

/** Bucket widths of an aggregated series; weeks start on Monday, all buckets are in UTC. */
public enum Bucket {
    DAY("date_bin('1 day', m.metric_date, TIMESTAMPTZ '2000-01-03 00:00:00+00')"),
    WEEK("date_bin('7 days', m.metric_date, TIMESTAMPTZ '2000-01-03 00:00:00+00')"),
    MONTH("date_trunc('month', m.metric_date, 'UTC')"),
    QUARTER("date_trunc('quarter', m.metric_date, 'UTC')"),
    YEAR("date_trunc('year', m.metric_date, 'UTC')");

    final String expression;

    Bucket(String expression) {
        this.expression = expression;
    }

    public static Bucket of(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException ex) {
            throw InvalidInput.of("bucket", "must be one of day, week, month, quarter, year");
        }
    }
}
