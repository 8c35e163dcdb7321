package io.covenant.identity;

import io.covenant.shared.error.InvalidInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Passwords of 10 to 128 characters that are not built on the email address, not one of the common passwords of
 * the bundled list (whatever the case, spaces, digits or symbols added at the end, or letters written as digits),
 * and strong enough by nbvcxz's estimate of the guesses needed (at least {@value #MINIMUM_ENTROPY} bits). A refusal
 * says why and what would help.
 */
final class PasswordPolicy {

    static final double MINIMUM_ENTROPY = 35;

    private static final Set<String> COMMON = load("common-passwords.txt");

    private static final Nbvcxz ESTIMATOR = estimator();

    private PasswordPolicy() {}

    static void check(String password, String email) {
        if (password == null || password.length() < 10) {
            throw InvalidInput.of("password", "must have at least 10 characters");
        }
        if (password.length() > 128) {
            throw InvalidInput.of("password", "must have at most 128 characters");
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local)) {
            throw InvalidInput.of("password", "must not contain the email address");
        }
        if (isCommon(password)) {
            throw InvalidInput.of(
                    "password",
                    "is one of the most common passwords; choose another, such as a few " + "unrelated words");
        }
        Result estimate = ESTIMATOR.estimate(password);
        if (estimate.getEntropy() < MINIMUM_ENTROPY) {
            StringBuilder reason = new StringBuilder("is too easy to guess");
            String warning = estimate.getFeedback().getWarning();
            if (warning != null && !warning.isBlank()) {
                reason.append(": ").append(warning.replaceAll("\\.$", ""));
            }
            List<String> suggestions = estimate.getFeedback().getSuggestion();
            if (!suggestions.isEmpty()) {
                reason.append(". ").append(String.join(" ", suggestions));
            }
            throw InvalidInput.of("password", reason.toString());
        }
    }

    /** The password and the forms it is commonly disguised in: no spaces, digits or symbols at the end, leet. */
    static boolean isCommon(String password) {
        String plain = password.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        String stripped = plain.replaceAll("[^\\p{L}]+$", "");
        String unleet = plain.replace('0', 'o')
                .replace('1', 'i')
                .replace('3', 'e')
                .replace('4', 'a')
                .replace('5', 's')
                .replace('7', 't')
                .replace('@', 'a')
                .replace('$', 's');
        String unleetStripped = unleet.replaceAll("[^\\p{L}]+$", "");
        return COMMON.contains(plain)
                || stripped.length() >= 4 && COMMON.contains(stripped)
                || COMMON.contains(unleet)
                || unleetStripped.length() >= 4 && COMMON.contains(unleetStripped);
    }

    private static Nbvcxz estimator() {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder common = new DictionaryBuilder().setDictionaryName("covenant-common-passwords");
        int rank = 1;
        for (String word : COMMON) {
            common.addWord(word, rank++);
        }
        dictionaries.add(common.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY)
                .setMaxLength(128)
                .createConfiguration());
    }

    private static Set<String> load(String name) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim());
                }
            }
            return Set.copyOf(words);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
