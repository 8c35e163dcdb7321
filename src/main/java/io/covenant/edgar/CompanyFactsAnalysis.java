package io.covenant.edgar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads an XBRL companyfacts document: picks one value per concept and period among the duplicates that filings
 * repeat, labels each period with its fiscal year and quarter, derives the fourth quarter of flows (year minus the
 * first three quarters), and computes the prediction ratios per fiscal year and quarter ({@link Ratios}).
 */
final class CompanyFactsAnalysis {

    /** A value of one metric for one period, with the filing that reported it. */
    record Value(
            String metricType,
            LocalDate start,
            LocalDate end,
            double value,
            String periodType,
            Integer fiscalYear,
            String fiscalQuarter,
            String category,
            String accession) {}

    /** A filing seen in the facts: its form, filing date and the end of the period it reports. */
    record SeenFiling(String accession, String form, LocalDate filed, LocalDate periodEnd, Integer fy, String fp) {}

    private record Label(int fiscalYear, String fiscalPeriod) {}

    private record Period(LocalDate start, LocalDate end) {}

    final String cik10;

    final String entityName;

    final boolean usGaap;

    final List<String> taxonomies;

    final List<Value> values = new ArrayList<>();

    final Map<String, SeenFiling> filings = new LinkedHashMap<>();

    final List<String> notes = new ArrayList<>();

    private final Map<FinancialFact, Map<Period, XbrlFact>> chosen = new EnumMap<>(FinancialFact.class);

    private final Map<LocalDate, Label> labels = new HashMap<>();

    CompanyFactsAnalysis(JsonNode document) {
        this.cik10 = "%010d"
                .formatted(Long.parseLong(document.path("cik").asString("0").replaceAll("\\D", "")));
        this.entityName = document.path("entityName").asString("").trim();
        JsonNode facts = document.path("facts");
        this.taxonomies = new ArrayList<>(facts.propertyNames());
        this.usGaap = facts.has("us-gaap");
        if (!usGaap) {
            notes.add("Reports under "
                    + String.join(
                            ", ",
                            taxonomies.stream().filter(t -> !t.equals("dei")).toList())
                    + ", not US GAAP: no us-gaap facts for "
                    + String.join(
                            ", ",
                            Arrays.stream(FinancialFact.values())
                                    .map(f -> f.metricType)
                                    .toList())
                    + ". No financial metrics or ratios were imported rather than mapping them approximately.");
            return;
        }
        List<XbrlFact> all = read(facts.path("us-gaap"));
        labelPeriods(all);
        for (FinancialFact fact : FinancialFact.values()) {
            chosen.put(fact, choose(fact, all));
        }
        deriveFourthQuarters();
        emitStatementValues();
        new Ratios(this::value, notes).derive(fiscalPeriods(), values);
    }

    private List<XbrlFact> read(JsonNode gaap) {
        Map<String, Map<LocalDate, Integer>> endsByFiling = new HashMap<>();
        List<XbrlFact> all = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (FinancialFact f : FinancialFact.values()) {
            wanted.addAll(f.concepts);
        }
        for (String concept : gaap.propertyNames()) {
            JsonNode usd = gaap.path(concept).path("units").path("USD");
            int index = 0;
            for (JsonNode n : usd) {
                String where = "facts.us-gaap." + concept + ".units.USD[" + index++ + "].";
                XbrlFact fact = new XbrlFact(
                        concept,
                        DocumentValues.optionalDate(n.get("start"), where + "start"),
                        DocumentValues.date(n.get("end"), where + "end"),
                        DocumentValues.number(n.get("val"), where + "val"),
                        n.path("accn").asString(),
                        n.hasNonNull("fy") ? n.get("fy").asInt() : null,
                        n.path("fp").asString(null),
                        n.path("form").asString(""),
                        DocumentValues.date(n.get("filed"), where + "filed"),
                        n.path("frame").asString(null));
                if (!fact.periodicReport()) {
                    continue;
                }
                filings.putIfAbsent(
                        fact.accession(),
                        new SeenFiling(fact.accession(), fact.form(), fact.filed(), null, fact.fy(), fact.fp()));
                endsByFiling
                        .computeIfAbsent(fact.accession(), k -> new HashMap<>())
                        .merge(fact.end(), 1, Integer::sum);
                if (wanted.contains(concept)) {
                    all.add(fact);
                }
            }
        }
        // A filing's own period ends at the date most of its facts report (ties: the later one); the latest date
        // alone would be a subsequent event's.
        endsByFiling.forEach((accession, ends) -> {
            LocalDate own = ends.entrySet().stream()
                    .max(Map.Entry.<LocalDate, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow()
                    .getKey();
            SeenFiling f = filings.get(accession);
            filings.put(accession, new SeenFiling(accession, f.form(), f.filed(), own, f.fy(), f.fp()));
        });
        return all;
    }

    /**
     * Facts at a filing's own period end carry the filing's fiscal year and period, which labels that period for
     * every concept.
     */
    private void labelPeriods(List<XbrlFact> all) {
        for (XbrlFact fact : all) {
            SeenFiling filing = filings.get(fact.accession());
            if (filing != null
                    && fact.end().equals(filing.periodEnd())
                    && fact.fy() != null
                    && fact.fp() != null
                    && fact.fp().matches("FY|Q[1-3]")) {
                labels.merge(fact.end(), new Label(fact.fy(), fact.fp()), (a, b) -> a);
            }
        }
    }

    private Map<Period, XbrlFact> choose(FinancialFact fact, List<XbrlFact> all) {
        Map<Period, XbrlFact> byPeriod = new TreeMap<>(
                Comparator.comparing(Period::end).thenComparing(p -> p.start() == null ? LocalDate.MIN : p.start()));
        for (String concept : fact.concepts) {
            Map<Period, XbrlFact> forConcept = new HashMap<>();
            for (XbrlFact candidate : all) {
                if (!candidate.concept().equals(concept) || fact.flow == candidate.instant()) {
                    continue;
                }
                if (fact.flow && !candidate.quarter() && !candidate.year()) {
                    continue;
                }
                forConcept.merge(
                        new Period(candidate.start(), candidate.end()), candidate, (a, b) -> b.betterThan(a) ? b : a);
            }
            // A less preferred concept only fills periods the preferred ones leave empty.
            forConcept.forEach(byPeriod::putIfAbsent);
        }
        if (byPeriod.isEmpty()) {
            notes.add("No us-gaap fact for " + fact.metricType + " (" + String.join(", ", fact.concepts) + ")");
        }
        return byPeriod;
    }

    /** Q4 of a flow = the fiscal year minus its first three quarters, when all four figures are reported. */
    private void deriveFourthQuarters() {
        for (FinancialFact fact : FinancialFact.values()) {
            if (!fact.flow) {
                continue;
            }
            Map<Period, XbrlFact> periods = chosen.get(fact);
            Map<Period, XbrlFact> derived = new HashMap<>();
            for (var year : periods.entrySet()) {
                if (!year.getValue().year()) {
                    continue;
                }
                List<XbrlFact> quarters = periods.values().stream()
                        .filter(XbrlFact::quarter)
                        .filter(q -> !q.start().isBefore(year.getKey().start())
                                && q.end().isBefore(year.getKey().end()))
                        .toList();
                if (quarters.size() != 3) {
                    continue;
                }
                LocalDate q4Start = quarters.stream()
                        .map(XbrlFact::end)
                        .max(LocalDate::compareTo)
                        .orElseThrow()
                        .plusDays(1);
                double q4 = year.getValue().value()
                        - quarters.stream().mapToDouble(XbrlFact::value).sum();
                XbrlFact source = year.getValue();
                derived.put(
                        new Period(q4Start, source.end()),
                        new XbrlFact(
                                source.concept(),
                                q4Start,
                                source.end(),
                                q4,
                                source.accession(),
                                source.fy(),
                                "Q4",
                                source.form(),
                                source.filed(),
                                null));
            }
            derived.forEach(periods::putIfAbsent);
        }
    }

    private void emitStatementValues() {
        chosen.forEach((fact, periods) -> periods.forEach((period, f) -> {
            Optional<FiscalPeriod> fiscal = fiscalOf(period.start(), period.end());
            String periodType = f.instant() ? "instant" : f.year() ? "annual" : "quarterly";
            values.add(new Value(
                    fact.metricType,
                    period.start(),
                    period.end(),
                    f.value(),
                    periodType,
                    fiscal.map(FiscalPeriod::fiscalYear).orElse(null),
                    fiscal.map(FiscalPeriod::fiscalQuarter).orElse(null),
                    "financial",
                    f.accession()));
        }));
    }

    /** The fiscal years and quarters for which ratios are derived. */
    private List<FiscalPeriod> fiscalPeriods() {
        Set<Period> periods = new TreeSet<>(Comparator.comparing(Period::end).thenComparing(Period::start));
        chosen.forEach((fact, byPeriod) -> {
            if (fact.flow) {
                byPeriod.keySet().forEach(periods::add);
            }
        });
        List<FiscalPeriod> result = new ArrayList<>();
        for (Period p : periods) {
            fiscalOf(p.start(), p.end()).ifPresent(result::add);
        }
        return result.stream().distinct().toList();
    }

    private Optional<FiscalPeriod> fiscalOf(LocalDate start, LocalDate end) {
        Label label = labels.get(end);
        if (label == null) {
            return Optional.empty();
        }
        boolean annual = start != null && ChronoUnit.DAYS.between(start, end) > 300;
        String quarter = label.fiscalPeriod().equals("FY") ? "Q4" : label.fiscalPeriod();
        if (start == null) {
            return Optional.of(new FiscalPeriod(null, end, label.fiscalYear(), quarter, false));
        }
        return Optional.of(new FiscalPeriod(start, end, label.fiscalYear(), annual ? null : quarter, annual));
    }

    /** The chosen value of a fact for a period (flows) or at its end (balances). */
    Optional<Double> value(FinancialFact fact, FiscalPeriod period) {
        Map<Period, XbrlFact> byPeriod = chosen.getOrDefault(fact, Map.of());
        XbrlFact f = fact.flow
                ? byPeriod.get(new Period(period.start(), period.end()))
                : byPeriod.get(new Period(null, period.end()));
        return Optional.ofNullable(f).map(XbrlFact::value);
    }

    /** A fiscal year (annual) or quarter, with its dates. */
    record FiscalPeriod(LocalDate start, LocalDate end, int fiscalYear, String fiscalQuarter, boolean annual) {

        String describe() {
            return annual ? "FY" + fiscalYear : "FY" + fiscalYear + " " + fiscalQuarter;
        }
    }
}
