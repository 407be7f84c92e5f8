package jp.mynahealth.portal.api;

import java.io.IOException;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.common.web.TokenBuckets;

/**
 * Limits on API calls, after the token is checked: per app (all its citizens together, so one app
 * cannot take the service from the others) and per person (all apps together, so no person's data is
 * scraped by the minute). Over either, 429 with Retry-After and an OperationOutcome.
 */
class ApiRateLimits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiRateLimits.class);

    private final TokenBuckets buckets = new TokenBuckets(100_000);
    private final int perAppPerMinute;
    private final int perPersonPerMinute;

    ApiRateLimits(int perAppPerMinute, int perPersonPerMinute) {
        this.perAppPerMinute = perAppPerMinute;
        this.perPersonPerMinute = perPersonPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiAuthentication call) {
            ApiCaller caller = call.getPrincipal();
            ConsumptionProbe byApp = buckets.take("app|" + caller.appId(), perAppPerMinute);
            ConsumptionProbe byPerson = byApp.isConsumed() ? buckets.take("person|" + caller.person(), perPersonPerMinute) : null;
            ConsumptionProbe refused = !byApp.isConsumed() ? byApp : byPerson.isConsumed() ? null : byPerson;
            if (refused != null) {
                long seconds = TokenBuckets.secondsToWait(refused);
                log.warn("API rate limit per {} reached by app {}: retry in {} s", refused == byApp ? "app" : "person",
                        caller.appId(), seconds);
                response.setHeader("Retry-After", String.valueOf(seconds));
                ApiErrors.write(response, HttpStatus.TOO_MANY_REQUESTS, IssueType.THROTTLED,
                        "Too many requests; retry in " + seconds + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
