package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.covenant.CovenantApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ConfigurationCheckTests {

    @ParameterizedTest(name = "{0} stops start-up naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
			covenant.environment=qa                                                        | covenant.environment
			covenant.security.jwt-secret=too-short                                         | covenant.security.jwt-secret
			covenant.environment=production                                                | covenant.security.jwt-secret
			covenant.environment=production,spring.datasource.password=change-me          | spring.datasource.password
			covenant.environment=production,covenant.security.admin-password=changeme123   | covenant.security.admin-password
			""")
    void badConfigurationStopsStartUpNamingTheSetting(String settings, String named) {
        List<String> properties = new ArrayList<>(List.of(settings.split(",")));
        if (settings.contains("production") && !settings.contains("jwt-secret") && !named.contains("jwt-secret")) {
            properties.add("covenant.security.jwt-secret=a-production-secret-of-sufficient-length-42");
        }
        String[] args = properties.stream().map(p -> "--" + p).toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(CovenantApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(args))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(named);
    }

    @Test
    void secretsAreNeverEchoedInTheMessage() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CovenantApplication.class)
                        .web(WebApplicationType.NONE)
                        .run("--covenant.security.jwt-secret=hunter2-short"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void developmentGetsAGeneratedSecretWhenNoneIsSet() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "yml", Map.of("covenant.security.jwt-secret", "", "covenant.environment", "development")));
        new ConfigurationCheckEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("covenant.security.jwt-secret")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void placeholdersAreRecognised() {
        assertThat(ConfigurationCheckEnvironmentPostProcessor.isPlaceholder("change-me"))
                .isTrue();
        assertThat(ConfigurationCheckEnvironmentPostProcessor.isPlaceholder("<your password>"))
                .isTrue();
        assertThat(ConfigurationCheckEnvironmentPostProcessor.isPlaceholder("Kq8#v2!pLx9"))
                .isFalse();
    }

    @Test
    void theProcessExitsNonZeroWithAStartUpReport() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CovenantApplication.class.getName(),
                        "--covenant.environment=qa")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("covenant.environment");
    }

    @Test
    void databaseUrlInHerokuFormBecomesJdbcSettings() {
        assertThat(DatabaseEnvironmentPostProcessor.fromDatabaseUrl("postgres://app:s3cret@db.internal:6543/covenant"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.internal:6543/covenant")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("spring.datasource.password", "s3cret");
        assertThat(DatabaseEnvironmentPostProcessor.fromDatabaseUrl("jdbc:postgresql://h/db"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://h/db");
    }

    @Test
    void replicaUrlsBecomeOneSettingGroupEach() {
        assertThat(DatabaseEnvironmentPostProcessor.replicas(
                        "postgres://reader:pw@replica-a:5432/covenant, jdbc:postgresql://replica-b:5433/covenant"))
                .containsEntry("covenant.database.replicas[0].url", "jdbc:postgresql://replica-a:5432/covenant")
                .containsEntry("covenant.database.replicas[0].username", "reader")
                .containsEntry("covenant.database.replicas[0].password", "pw")
                .containsEntry("covenant.database.replicas[1].url", "jdbc:postgresql://replica-b:5433/covenant")
                .doesNotContainKey("covenant.database.replicas[1].username");
        assertThat(DatabaseEnvironmentPostProcessor.replicas("")).isEmpty();
    }
}
