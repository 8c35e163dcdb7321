package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.covenant.Fixtures;
import io.covenant.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The password policy: strength estimate, bundled common passwords and their usual disguises. */
class PasswordPolicyTests {

    @Test
    void commonPasswordsAndTheirDisguisesAreRefused() {
        for (String common : new String[] {
            "Password2024!", "p@ssw0rd123", "Sunshine 1234", "iloveyou12345", "qwertyuiop", "Welcome2025!"
        }) {
            assertThat(PasswordPolicy.isCommon(common)).as(common).isTrue();
            assertThatThrownBy(() -> PasswordPolicy.check(common, "someone@example.com"))
                    .isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void theRefusalSaysWhy() {
        assertThatThrownBy(() -> PasswordPolicy.check("abcdefghijklmnop", "someone@example.com"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("most common passwords");
        // Not in the list, but found weak by the estimate, which says why.
        assertThatThrownBy(() -> PasswordPolicy.check("mnopqrstuvwxyz", "someone@example.com"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("too easy to guess")
                .hasMessageContaining("Sequences");
        assertThatThrownBy(() -> PasswordPolicy.check("k".repeat(25), "someone@example.com"))
                .hasMessageContaining("Repeats");
        assertThatThrownBy(() -> PasswordPolicy.check("ada.lovelace.1815", "ada.lovelace@example.com"))
                .hasMessageContaining("email");
    }

    @Test
    void passphrasesPass() {
        for (String strong :
                new String[] {Fixtures.PASSWORD, "violet harbour lantern", "maple cinder 1972 harbour", "xk4!Tq9#pLm2"
                }) {
            assertThatCode(() -> PasswordPolicy.check(strong, "someone@example.com"))
                    .as(strong)
                    .doesNotThrowAnyException();
        }
    }
}
