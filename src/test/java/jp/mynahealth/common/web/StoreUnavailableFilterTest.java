package jp.mynahealth.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import jakarta.servlet.ServletException;

class StoreUnavailableFilterTest {

    private final StoreUnavailableFilter filter = new StoreUnavailableFilter(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void aDatabaseThatCannotBeReachedGivesAPolite503InTheCitizensLanguage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/drugs");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("myna - Connection is not available, request timed out after 3000ms.")));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentAsString()).contains("ただいまご利用いただけません").contains("lang=\"ja\"")
                .doesNotContain("Exception").doesNotContain("JDBC");

        MockHttpServletRequest english = new MockHttpServletRequest("GET", "/drugs");
        english.setParameter("lang", "en");
        MockHttpServletResponse inEnglish = new MockHttpServletResponse();
        filter.doFilter(english, inEnglish, (req, res) -> {
            throw new org.springframework.dao.DataAccessResourceFailureException("reading the store",
                    new org.postgresql.util.PSQLException("the database system is shutting down",
                            org.postgresql.util.PSQLState.CONNECTION_FAILURE));
        });
        assertThat(inEnglish.getStatus()).isEqualTo(503);
        assertThat(inEnglish.getContentAsString()).contains("not available right now");
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionDiedIsTheSameOutage() throws Exception {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "FATAL: terminating connection due to administrator command"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/drugs"), response, (req, res) -> {
            throw new ServletException(rollback);
        });

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresAreNotDisguised() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/drugs"), new MockHttpServletResponse(),
                (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
