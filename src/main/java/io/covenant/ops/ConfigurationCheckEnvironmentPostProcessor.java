package io.covenant.ops;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Refuses to start on settings that would make the service unsafe or ambiguous, before any database or bean exists,
 * and gives development a generated signing secret so that the run command needs no configuration.
 */
class ConfigurationCheckEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static final String SECRET = "covenant.security.jwt-secret";

    private static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");

    private static final List<String> PLACEHOLDER_WORDS =
            List.of("change-me", "changeme", "change_me", "replace-me", "replaceme", "placeholder");

    private static final Set<String> PLACEHOLDER_VALUES =
            Set.of("secret", "password", "todo", "xxx", "default", "example", "test", "admin");

    /** Settings whose value must never be a placeholder in production. */
    private static final List<String> SECRETS = List.of(
            SECRET, "covenant.security.admin-password", "spring.datasource.password", "covenant.edgar.user-agent");

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = environment
                .getProperty("covenant.environment", "development")
                .trim()
                .toLowerCase(Locale.ROOT);
        if (!ENVIRONMENTS.contains(name)) {
            throw new InvalidConfigurationException(
                    "covenant.environment (ENVIRONMENT)",
                    "must be one of development, staging, production; it was '" + name + "'");
        }
        String secret = environment.getProperty(SECRET, "");
        if (!StringUtils.hasText(secret)) {
            if (!name.equals("development")) {
                throw new InvalidConfigurationException(
                        SECRET + " (COVENANT_JWT_SECRET)", "is required in " + name + " (at least 32 characters)");
            }
            // First, so that it wins over the empty placeholder of application.yml; only reached when nothing is set.
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("covenantGeneratedSecrets", Map.of(SECRET, generatedSecret())));
        } else if (secret.length() < 32) {
            throw new InvalidConfigurationException(
                    SECRET + " (COVENANT_JWT_SECRET)", "must have at least 32 characters; it has " + secret.length());
        }
        if (name.equals("production")) {
            for (String setting : SECRETS) {
                String value = environment.getProperty(setting);
                if (value != null && isPlaceholder(value)) {
                    throw new InvalidConfigurationException(
                            setting, "holds a placeholder value; set a real secret for production");
                }
            }
        }
    }

    static boolean isPlaceholder(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return PLACEHOLDER_VALUES.contains(normalized)
                || PLACEHOLDER_WORDS.stream().anyMatch(normalized::contains)
                || normalized.startsWith("your")
                || normalized.startsWith("<");
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
