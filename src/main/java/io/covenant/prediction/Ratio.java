package io.covenant.prediction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.springframework.modulith.NamedInterface;

/**
 * The ratios of AccuNode's prediction tables: the range their CHECK constraints allow, and how each is computed from
 * the UCI Polish bankruptcy attributes (X1..X64, {@code x[i-1]}) for training. Training clips every value to the
 * allowed range, as the API refuses values outside it.
 */
@NamedInterface("model")
public enum Ratio {

    // annual
    LONG_TERM_DEBT_TO_TOTAL_CAPITAL(
            0, 2, x -> x[58] / (1 + x[58]), "X59 / (1 + X59), X59 = long-term liabilities / equity"),
    TOTAL_DEBT_TO_EBITDA(
            0, 50, x -> x[1] / x[47], "X2 / X48, X2 = total liabilities / total assets, X48 = EBITDA / total assets"),
    NET_INCOME_MARGIN(-1, 1, x -> x[22], "X23 = net profit / sales"),
    EBIT_TO_INTEREST_EXPENSE(0, 100, x -> x[26], "X27 = profit on operating activities / financial expenses"),
    RETURN_ON_ASSETS(-1, 1, x -> x[0], "X1 = net profit / total assets"),
    // quarterly
    CURRENT_RATIO(0, 10, x -> x[3], "X4 = current assets / short-term liabilities"),
    QUICK_RATIO(0, 10, x -> x[45], "X46 = (current assets - inventory) / short-term liabilities"),
    DEBT_TO_EQUITY(0, 5, x -> x[1] / x[9], "X2 / X10, X10 = equity / total assets"),
    INVENTORY_TURNOVER(0, 50, x -> 365 / x[46], "365 / X47, X47 = inventory x 365 / cost of products sold"),
    RECEIVABLES_TURNOVER(0, 50, x -> x[60], "X61 = sales / receivables"),
    WORKING_CAPITAL_TO_TOTAL_ASSETS(-1, 1, x -> x[2], "X3 = working capital / total assets");

    public static final List<Ratio> ANNUAL = List.of(
            LONG_TERM_DEBT_TO_TOTAL_CAPITAL,
            TOTAL_DEBT_TO_EBITDA,
            NET_INCOME_MARGIN,
            EBIT_TO_INTEREST_EXPENSE,
            RETURN_ON_ASSETS);

    public static final List<Ratio> QUARTERLY = List.of(
            CURRENT_RATIO,
            QUICK_RATIO,
            DEBT_TO_EQUITY,
            INVENTORY_TURNOVER,
            RECEIVABLES_TURNOVER,
            WORKING_CAPITAL_TO_TOTAL_ASSETS);

    public final double min;

    public final double max;

    final ToDoubleFunction<double[]> fromPolish;

    public final String polishMapping;

    Ratio(double min, double max, ToDoubleFunction<double[]> fromPolish, String polishMapping) {
        this.min = min;
        this.max = max;
        this.fromPolish = fromPolish;
        this.polishMapping = polishMapping;
    }

    /** The column and JSON name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The ratio from the 64 Polish attributes; NaN when an input is missing or a division is undefined. */
    public double fromPolish(double[] attributes) {
        double value = fromPolish.applyAsDouble(attributes);
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** The ends of the range as the API states them: {@code 0}, not {@code 0.0}. */
    BigDecimal minimum() {
        return plain(min);
    }

    BigDecimal maximum() {
        return plain(max);
    }

    private static BigDecimal plain(double value) {
        return new BigDecimal(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    public double clip(double value) {
        return Double.isNaN(value) ? value : Math.max(min, Math.min(max, value));
    }
}
