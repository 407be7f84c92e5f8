package jp.mynahealth.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutFilterTest {

    private static MockHttpSession run(Duration limit) throws Exception {
        MockHttpSession session = new MockHttpSession();
        Thread.sleep(5);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dashboard");
        request.setSession(session);
        new AbsoluteSessionTimeoutFilter(limit).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return session;
    }

    @Test
    void aSessionOlderThanTheLimitEndsHoweverActive() throws Exception {
        assertThat(run(Duration.ofMillis(1)).isInvalid()).isTrue();
    }

    @Test
    void aYoungerSessionGoesOn() throws Exception {
        assertThat(run(Duration.ofHours(12)).isInvalid()).isFalse();
    }
}
