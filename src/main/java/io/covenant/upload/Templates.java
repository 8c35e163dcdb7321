package io.covenant.upload;

import java.util.ArrayList;
import java.util.List;

/** The downloadable template of each job type: the header and one example row. */
public final class Templates {

    private Templates() {}

    /** The template CSV for {@code annual} or {@code quarterly}. */
    public static String csv(JobType type) {
        List<String> example = new ArrayList<>(List.of(
                "ACME",
                "Acme Corp",
                "Industrials",
                "Machinery",
                "Industrial Machinery",
                "",
                "USA",
                "USD",
                "NYSE",
                "1250000000",
                "4200",
                "1961",
                "Chicago, IL",
                "https://acme.example"));
        example.add("2024");
        if (type == JobType.QUARTERLY) {
            example.addAll(List.of("Q2", "1.45", "0.98", "1.20", "6.5", "8.1", "0.18"));
        } else {
            example.addAll(List.of("0.35", "2.8", "0.06", "7.5", "0.05"));
        }
        return String.join(",", Columns.all(type)) + "\n"
                + String.join(",", example.stream().map(Templates::field).toList()) + "\n";
    }

    /** The rows that were not stored, as a CSV a spreadsheet opens. */
    public static String errorsCsv(List<RowError> errors) {
        StringBuilder csv = new StringBuilder("row_number,column,value,reason\n");
        for (RowError e : errors) {
            csv.append(e.rowNumber())
                    .append(',')
                    .append(quote(e.column()))
                    .append(',')
                    .append(quote(e.value()))
                    .append(',')
                    .append(quote(e.reason()))
                    .append('\n');
        }
        return csv.toString();
    }

    /** A CSV field, quoted only when it must be. */
    private static String field(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value
                : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
