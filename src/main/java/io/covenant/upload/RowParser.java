package io.covenant.upload;

import io.covenant.company.CompanyCommand;
import io.covenant.prediction.Ratio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one row against its header: the symbol and period must be there and well formed, every ratio a number
 * within the range of AccuNode's CHECK constraints (a blank ratio is missing and imputed, but not all of them), and
 * the numeric company fields numbers. Company profiles are validated later, and only when a company is created.
 */
final class RowParser {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,9}");

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private static final Pattern QUARTER = Pattern.compile("(?i)q?([1-4])");

    private final Columns columns;

    RowParser(Columns columns) {
        this.columns = columns;
    }

    ParsedRow parse(SourceRow row) {
        List<RowError> errors = new ArrayList<>();
        int n = row.number();
        String symbol = columns.cell(row, "symbol");
        if (symbol.isEmpty()) {
            errors.add(new RowError(n, "symbol", "", "is required"));
        } else if (!SYMBOL.matcher(symbol).matches()) {
            errors.add(new RowError(n, "symbol", symbol, "must be 1-10 letters, digits, '.' or '-'"));
        }
        String year = year(columns.cell(row, "reporting_year"));
        if (year == null) {
            errors.add(new RowError(
                    n, "reporting_year", columns.cell(row, "reporting_year"), "must be a four-digit year"));
        }
        String quarter = null;
        if (columns.type == JobType.QUARTERLY) {
            var m = QUARTER.matcher(columns.cell(row, "reporting_quarter"));
            if (m.matches()) {
                quarter = "Q" + m.group(1);
            } else {
                errors.add(new RowError(
                        n,
                        "reporting_quarter",
                        columns.cell(row, "reporting_quarter"),
                        "must be one of Q1, Q2, Q3, Q4"));
            }
        }
        double[] ratios = ratios(row, errors);
        Integer foundedYear = integer(row, "founded_year", errors);
        Integer employees = integer(row, "employee_count", errors);
        Long marketCap = whole(row, "market_cap", errors);
        CompanyCommand company = new CompanyCommand(
                symbol,
                null,
                text(row, "name"),
                null,
                text(row, "category"),
                text(row, "sector"),
                text(row, "subsector"),
                text(row, "industry"),
                null,
                null,
                null,
                foundedYear,
                text(row, "headquarters"),
                employees,
                marketCap,
                upper(text(row, "country")),
                upper(text(row, "currency")),
                text(row, "exchange"),
                text(row, "website"),
                null,
                null,
                null);
        return new ParsedRow(n, symbol.toUpperCase(Locale.ROOT), company, year, quarter, ratios, List.copyOf(errors));
    }

    private double[] ratios(SourceRow row, List<RowError> errors) {
        List<Ratio> ratios = columns.type.ratios();
        double[] values = new double[ratios.size()];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            Ratio ratio = ratios.get(i);
            String cell = columns.cell(row, ratio.key());
            values[i] = Double.NaN;
            if (cell.isEmpty()) {
                continue;
            }
            any = true;
            BigDecimal value = number(cell);
            if (value == null) {
                errors.add(new RowError(row.number(), ratio.key(), cell, "must be a number"));
            } else if (value.doubleValue() < ratio.min || value.doubleValue() > ratio.max) {
                errors.add(new RowError(
                        row.number(),
                        ratio.key(),
                        cell,
                        "must be between " + plain(ratio.min) + " and " + plain(ratio.max)));
            } else {
                values[i] = value.doubleValue();
            }
        }
        if (!any) {
            errors.add(new RowError(row.number(), ratios.get(0).key(), "", "the row has none of the ratios"));
        }
        return values;
    }

    private static String year(String cell) {
        return YEAR.matcher(cell).matches() ? cell : null;
    }

    private String text(SourceRow row, String column) {
        String value = columns.cell(row, column);
        return value.isEmpty() ? null : value;
    }

    private Integer integer(SourceRow row, String column, List<RowError> errors) {
        Long value = whole(row, column, errors);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            errors.add(new RowError(row.number(), column, columns.cell(row, column), "is too large"));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    private Long whole(SourceRow row, String column, List<RowError> errors) {
        String cell = columns.cell(row, column);
        if (cell.isEmpty()) {
            return null;
        }
        BigDecimal value = number(cell.replace(",", ""));
        try {
            if (value != null) {
                return value.longValueExact();
            }
        } catch (ArithmeticException ex) {
            // a fraction or beyond a long: reported below
        }
        errors.add(new RowError(row.number(), column, cell, "must be a whole number"));
        return null;
    }

    private static BigDecimal number(String cell) {
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
