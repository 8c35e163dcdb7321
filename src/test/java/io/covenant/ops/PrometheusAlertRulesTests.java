package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/** The alert rules in the repository parse, are complete, and name only metrics the service exports. */
@ApiTest
class PrometheusAlertRulesTests {

    static final Path RULES = Path.of("ops", "prometheus", "covenant-alerts.yml");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Autowired
    Fixtures fixtures;

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleIsCompleteAndNamesOnlyMetricsTheServiceExports() throws IOException {
        List<Map<String, Object>> rules = rules();
        assertThat(rules)
                .extracting(rule -> rule.get("alert"))
                .contains(
                        "CovenantConnectionPoolSaturated",
                        "CovenantSlowQueryRateHigh",
                        "CovenantReplicationLagHigh",
                        "CovenantMaintenanceJobFailed",
                        "CovenantDiskAlmostFull");
        Person operator = fixtures.person(Role.SUPER_ADMIN, null);
        String scrape = fixtures.as(operator)
                .get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Set<String> exported = exportedNames(scrape);
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(name).as("alert name").matches("Covenant[A-Za-z]+");
            assertThat((Map<String, Object>) rule.get("labels")).as(name).containsKey("severity");
            assertThat((Map<String, Object>) rule.get("annotations")).as(name).containsKeys("summary", "description");
            Set<String> metrics = metricsIn((String) rule.get("expr"));
            assertThat(metrics).as(name + " names a metric").isNotEmpty();
            assertThat(exported).as(name + " uses only exported metrics").containsAll(metrics);
        }
    }

    @Test
    void metricNamesAreTakenFromExpressionsWithoutFunctionsLabelsOrKeywords() {
        assertThat(metricsIn("sum by (instance, pool) (rate(a_total{status=~\"5..\", x=\"y\"}[5m])) / b_max > 0.9"))
                .containsExactly("a_total", "b_max");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        try (Reader reader = Files.newBufferedReader(RULES)) {
            Map<String, Object> document = new Yaml().load(reader);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
                assertThat((String) group.get("name")).isNotBlank();
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
    }

    static Set<String> metricsIn(String expr) {
        String stripped = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String token = matcher.group();
            int next = matcher.end();
            while (next < stripped.length() && stripped.charAt(next) == ' ') {
                next++;
            }
            boolean function = next < stripped.length() && stripped.charAt(next) == '(';
            boolean number = matcher.start() > 0 && Character.isDigit(stripped.charAt(matcher.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    private static Set<String> exportedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher matcher = IDENTIFIER.matcher(line);
                if (matcher.lookingAt()) {
                    names.add(matcher.group());
                }
            }
        }
        return names;
    }
}
