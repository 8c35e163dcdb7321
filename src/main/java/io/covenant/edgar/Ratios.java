package io.covenant.edgar;

import static io.covenant.edgar.FinancialFact.ACCOUNTS_RECEIVABLE;
import static io.covenant.edgar.FinancialFact.COST_OF_REVENUE;
import static io.covenant.edgar.FinancialFact.CURRENT_ASSETS;
import static io.covenant.edgar.FinancialFact.CURRENT_LIABILITIES;
import static io.covenant.edgar.FinancialFact.DEPRECIATION_AMORTIZATION;
import static io.covenant.edgar.FinancialFact.INTEREST_EXPENSE;
import static io.covenant.edgar.FinancialFact.INVENTORY;
import static io.covenant.edgar.FinancialFact.LONG_TERM_DEBT;
import static io.covenant.edgar.FinancialFact.NET_INCOME;
import static io.covenant.edgar.FinancialFact.OPERATING_INCOME;
import static io.covenant.edgar.FinancialFact.REVENUE;
import static io.covenant.edgar.FinancialFact.STOCKHOLDERS_EQUITY;
import static io.covenant.edgar.FinancialFact.TOTAL_ASSETS;
import static io.covenant.edgar.FinancialFact.TOTAL_LIABILITIES;

import io.covenant.edgar.CompanyFactsAnalysis.FiscalPeriod;
import io.covenant.edgar.CompanyFactsAnalysis.Value;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The eleven ratios of AccuNode's prediction tables, from statement facts. Balances are taken at the period's end;
 * flows over the period. Quarterly turnovers annualise the quarter's flow (x4) so that they share the annual scale
 * of the training data. EBIT is operating income; EBITDA is operating income plus depreciation and amortisation.
 *
 * <pre>
 * quarterly
 *   current_ratio                   = current assets / current liabilities
 *   quick_ratio                     = (current assets - inventory) / current liabilities   (no inventory reported: 0)
 *   debt_to_equity                  = total liabilities / stockholders' equity
 *   inventory_turnover              = 4 x cost of revenue (quarter) / inventory
 *   receivables_turnover            = 4 x revenue (quarter) / accounts receivable
 *   working_capital_to_total_assets = (current assets - current liabilities) / total assets
 * annual
 *   long_term_debt_to_total_capital = long-term debt / (long-term debt + stockholders' equity)
 *   total_debt_to_ebitda            = total liabilities / (operating income + depreciation and amortisation)
 *   net_income_margin               = net income / revenue
 *   ebit_to_interest_expense        = operating income / interest expense
 *   return_on_assets                = net income / total assets
 * </pre>
 *
 * A ratio whose inputs are missing or whose denominator is zero is not written, and a note says why.
 */
final class Ratios {

    private final BiFunction<FinancialFact, FiscalPeriod, Optional<Double>> facts;

    private final List<String> notes;

    Ratios(BiFunction<FinancialFact, FiscalPeriod, Optional<Double>> facts, List<String> notes) {
        this.facts = facts;
        this.notes = notes;
    }

    void derive(List<FiscalPeriod> periods, List<Value> into) {
        for (FiscalPeriod p : periods) {
            if (p.annual()) {
                put(
                        into,
                        p,
                        "long_term_debt_to_total_capital",
                        ratio(p, LONG_TERM_DEBT, null, LONG_TERM_DEBT, STOCKHOLDERS_EQUITY, 1));
                put(
                        into,
                        p,
                        "total_debt_to_ebitda",
                        ratio(p, TOTAL_LIABILITIES, null, OPERATING_INCOME, DEPRECIATION_AMORTIZATION, 1));
                put(into, p, "net_income_margin", ratio(p, NET_INCOME, null, REVENUE, null, 1));
                put(into, p, "ebit_to_interest_expense", ratio(p, OPERATING_INCOME, null, INTEREST_EXPENSE, null, 1));
                put(into, p, "return_on_assets", ratio(p, NET_INCOME, null, TOTAL_ASSETS, null, 1));
            } else {
                put(into, p, "current_ratio", ratio(p, CURRENT_ASSETS, null, CURRENT_LIABILITIES, null, 1));
                put(into, p, "quick_ratio", quick(p));
                put(into, p, "debt_to_equity", ratio(p, TOTAL_LIABILITIES, null, STOCKHOLDERS_EQUITY, null, 1));
                put(into, p, "inventory_turnover", ratio(p, COST_OF_REVENUE, null, INVENTORY, null, 4));
                put(into, p, "receivables_turnover", ratio(p, REVENUE, null, ACCOUNTS_RECEIVABLE, null, 4));
                put(into, p, "working_capital_to_total_assets", workingCapital(p));
            }
        }
    }

    /** (a + b) x scale / (c + d), with b and d optional terms. */
    private Optional<Double> ratio(
            FiscalPeriod p, FinancialFact a, FinancialFact b, FinancialFact c, FinancialFact d, double scale) {
        Optional<Double> numerator = sum(p, a, b);
        Optional<Double> denominator = sum(p, c, d);
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.get() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.get() * scale / denominator.get());
    }

    private Optional<Double> sum(FiscalPeriod p, FinancialFact a, FinancialFact b) {
        Optional<Double> first = facts.apply(a, p);
        if (b == null || first.isEmpty()) {
            return first;
        }
        return facts.apply(b, p).map(second -> first.get() + second);
    }

    private Optional<Double> quick(FiscalPeriod p) {
        Optional<Double> currentAssets = facts.apply(CURRENT_ASSETS, p);
        Optional<Double> currentLiabilities =
                facts.apply(CURRENT_LIABILITIES, p).filter(v -> v != 0);
        if (currentAssets.isEmpty() || currentLiabilities.isEmpty()) {
            return Optional.empty();
        }
        double inventory = facts.apply(INVENTORY, p).orElse(0.0);
        return Optional.of((currentAssets.get() - inventory) / currentLiabilities.get());
    }

    private Optional<Double> workingCapital(FiscalPeriod p) {
        Optional<Double> ca = facts.apply(CURRENT_ASSETS, p);
        Optional<Double> cl = facts.apply(CURRENT_LIABILITIES, p);
        Optional<Double> ta = facts.apply(TOTAL_ASSETS, p).filter(v -> v != 0);
        if (ca.isEmpty() || cl.isEmpty() || ta.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((ca.get() - cl.get()) / ta.get());
    }

    private void put(List<Value> into, FiscalPeriod p, String ratio, Optional<Double> value) {
        if (value.isEmpty() || !Double.isFinite(value.get())) {
            notes.add(ratio + " " + p.describe() + ": not derived, an input fact is missing or zero");
            return;
        }
        into.add(new Value(
                ratio,
                p.start(),
                p.end(),
                value.get(),
                p.annual() ? "annual" : "quarterly",
                p.fiscalYear(),
                p.fiscalQuarter(),
                "ratio",
                null));
    }
}
