package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The suite hashes its fixture passwords with bcrypt's fewest rounds to stay fast; this pins that a live installation
 * does not: nothing in the shipped settings lowers the strength, the default is 10, and a strength bcrypt does not
 * have stops the start rather than being rounded.
 */
class PasswordsAreHashedAtFullStrengthTest {

    @Test
    void theShippedSettingsLeaveTheStrengthAtItsDefaultOfTen() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = SecurityConfiguration.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        String configured = shipped.getProperty("reach.passwords.bcrypt-strength");
        assertThat(configured == null || Integer.parseInt(configured.strip()) >= 10).as(configured).isTrue();
    }

    @Test
    void hashesCarryTheirAlgorithmAndStrengthAndStillVerifyAfterTheStrengthChanges() {
        PasswordEncoder full = new SecurityConfiguration().passwordEncoder(10);
        String hash = full.encode("a long enough passphrase");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(full.matches("a long enough passphrase", hash)).isTrue();
        assertThat(full.matches("a long enough passphrasE", hash)).isFalse();

        PasswordEncoder fewer = new SecurityConfiguration().passwordEncoder(4);
        assertThat(fewer.encode("x")).startsWith("{bcrypt}$2a$04$");
        assertThat(fewer.matches("a long enough passphrase", hash)).as("a hash of another strength").isTrue();
    }

    @Test
    void aStrengthBcryptDoesNotHaveStopsTheStart() {
        assertThatThrownBy(() -> new SecurityConfiguration().passwordEncoder(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reach.passwords.bcrypt-strength");
        assertThatThrownBy(() -> new SecurityConfiguration().passwordEncoder(32)).isInstanceOf(IllegalStateException.class);
    }
}
