package io.covenant.upload;

import io.covenant.shared.error.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of an upload of one job type, and where each stands in a file's header. Headers match whatever their
 * case, spaces, underscores or hyphens ("Reporting Year", "reporting_year" and "REPORTINGYEAR" are one column);
 * columns the upload does not know are ignored.
 */
final class Columns {

    static final List<String> COMPANY = List.of(
            "symbol",
            "name",
            "sector",
            "subsector",
            "industry",
            "category",
            "country",
            "currency",
            "exchange",
            "market_cap",
            "employee_count",
            "founded_year",
            "headquarters",
            "website");

    private static final Map<String, String> ALIASES = Map.of(
            "ticker",
            "symbol",
            "companysymbol",
            "symbol",
            "companyname",
            "name",
            "year",
            "reporting_year",
            "fiscalyear",
            "reporting_year",
            "quarter",
            "reporting_quarter",
            "fiscalquarter",
            "reporting_quarter");

    final JobType type;

    private final Map<String, Integer> positions;

    final List<String> ignored;

    private Columns(JobType type, Map<String, Integer> positions, List<String> ignored) {
        this.type = type;
        this.positions = positions;
        this.ignored = ignored;
    }

    /** Every column of the job type, in the template's order. */
    static List<String> all(JobType type) {
        List<String> columns = new ArrayList<>(COMPANY);
        columns.addAll(period(type));
        type.ratios().forEach(r -> columns.add(r.key()));
        return columns;
    }

    /** The columns a file must have: symbol, name, sector, the period and every ratio. */
    static List<String> required(JobType type) {
        List<String> columns = new ArrayList<>(List.of("symbol", "name", "sector"));
        columns.addAll(period(type));
        type.ratios().forEach(r -> columns.add(r.key()));
        return columns;
    }

    private static List<String> period(JobType type) {
        return type == JobType.QUARTERLY ? List.of("reporting_year", "reporting_quarter") : List.of("reporting_year");
    }

    /** Maps a header row, or refuses it naming every missing or repeated column. */
    static Columns of(JobType type, SourceRow header) {
        Map<String, String> known = new HashMap<>();
        all(type).forEach(c -> known.put(squash(c), c));
        ALIASES.forEach((alias, column) -> {
            if (known.containsValue(column)) {
                known.putIfAbsent(alias, column);
            }
        });
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String raw = header.cell(i).replace("\uFEFF", "");
            String column = known.get(squash(raw));
            if (column == null) {
                if (!raw.isEmpty()) {
                    ignored.add(raw);
                }
            } else if (positions.putIfAbsent(column, i) != null) {
                errors.add(new FieldError(column, "appears more than once in the header", raw));
            }
        }
        for (String column : required(type)) {
            if (!positions.containsKey(column)) {
                errors.add(FieldError.of(column, "is a required column and the header does not have it"));
            }
        }
        if (!errors.isEmpty()) {
            throw UploadRefused.invalid(
                    "its header does not fit a " + type.value() + " upload (needs " + String.join(", ", required(type))
                            + ")",
                    errors);
        }
        return new Columns(type, positions, ignored);
    }

    /** The cell of this column, blank when the file has no such column. */
    String cell(SourceRow row, String column) {
        Integer position = positions.get(column);
        return position == null ? "" : row.cell(position);
    }

    private static String squash(String header) {
        StringBuilder s = new StringBuilder(header.length());
        for (char ch : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                s.append(ch);
            }
        }
        return s.toString();
    }
}
