package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * When every database connection stays busy (hundreds of phones syncing at once) nothing is written; the answer
 * says so with 503 and Retry-After, so a device keeps its queue and comes back, instead of a 500 that reads as a bug.
 */
class ABusyDatabaseAsksToComeBackTest {

    private final ApiProblems problems = new ApiProblems(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/platform");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void noConnectionInTimeIsServiceUnavailableWithRetryAfter() {
        for (RuntimeException busy : new RuntimeException[] {
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")}) {
            ApiProblems.Problem problem = problems.of(busy, Locale.ENGLISH);
            assertThat(problem.status().value()).isEqualTo(503);
            assertThat(problem.name()).isEqualTo("busy");
            assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(problems.text(problem.key(), Locale.ENGLISH)).contains("nothing was saved");
        }
        assertThat(problems.of(new IllegalStateException("a bug"), Locale.ENGLISH).status().value()).isEqualTo(500);
    }
}
