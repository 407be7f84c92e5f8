package jp.mynahealth.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/** The API's limits: per person across apps, per app across persons; over either, 429 with Retry-After and an OperationOutcome. */
class ApiRateLimitsTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static int call(ApiRateLimits limits, String app, PersonId person) throws Exception {
        ApiCaller caller = new ApiCaller(person, person, app, app, EnumSet.of(AppScope.DRUGS), 1);
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject(person.toString()).build();
        SecurityContextHolder.getContext().setAuthentication(new ApiAuthentication(caller, token));
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(new MockHttpServletRequest("GET", "/api/v1/fhir/MedicationDispense"), response, new MockFilterChain());
        if (response.getStatus() == 429) {
            assertThat(response.getHeader("Retry-After")).isNotBlank();
            assertThat(response.getContentType()).startsWith("application/fhir+json");
            assertThat(response.getContentAsString()).contains("OperationOutcome", "throttled");
        }
        return response.getStatus();
    }

    @Test
    void onePersonIsLimitedAcrossApps() throws Exception {
        ApiRateLimits limits = new ApiRateLimits(1000, 3);
        PersonId person = new PersonId(UUID.randomUUID());
        assertThat(call(limits, "app-a", person)).isEqualTo(200);
        assertThat(call(limits, "app-b", person)).isEqualTo(200);
        assertThat(call(limits, "app-a", person)).isEqualTo(200);
        assertThat(call(limits, "app-c", person)).isEqualTo(429);
        assertThat(call(limits, "app-a", new PersonId(UUID.randomUUID()))).as("another person").isEqualTo(200);
    }

    @Test
    void oneAppIsLimitedAcrossPersons() throws Exception {
        ApiRateLimits limits = new ApiRateLimits(3, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(call(limits, "busy-app", new PersonId(UUID.randomUUID()))).isEqualTo(200);
        }
        assertThat(call(limits, "busy-app", new PersonId(UUID.randomUUID()))).isEqualTo(429);
        assertThat(call(limits, "quiet-app", new PersonId(UUID.randomUUID()))).as("another app").isEqualTo(200);
    }
}
