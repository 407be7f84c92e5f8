package jp.mynahealth.common.web;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Per-address and per-session limits (token buckets, Bucket4j) on the requests worth abusing:
 * starting logins, creating challenges, downloads. Over the limit the answer is 429 with a
 * Retry-After and the polite page; the log says which limit and for whom (address only).
 *
 * <p>Each rule names what it limits with a path pattern, matched as Spring MVC and Spring
 * Security's {@code PathPatternRequestMatcher} match when they route: the default parser, against
 * the path in segments, each percent-decoded and without its {@code ;parameters}. So
 * {@code /%6Cogin} counts as {@code /login}, the handler it reaches, where the raw request URI let
 * it pass uncounted. The firewall cannot take this over: StrictHttpFirewall refuses {@code //},
 * {@code ;}, {@code ..} and encoded slashes with a 400 (after this filter), but an encoded letter
 * is valid. Nor can the handler Spring MVC picks: the login start and the card login's completion are
 * answered by Spring Security's filters, before MVC.
 *
 * <p>The address is {@code request.getRemoteAddr()}: the peer's own, or the client's as a proxy
 * listed in {@code myna.web.trusted-proxies} reports it (see {@link ForwardedHeadersConfiguration}).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /**
     * A limit on requests whose path matches {@code pattern} (PathPattern syntax, e.g. {@code /etax/**}):
     * this many per address and per session a minute.
     */
    public record Rule(String name, String pattern, int perAddressPerMinute, int perSessionPerMinute) {
    }

    private record Limit(Rule rule, PathPattern pattern) {
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    /** Buckets kept for this many clients at most; the least recently used are forgotten. */
    private static final int MAX_BUCKETS = 100_000;

    private final List<Limit> limits;
    private final TokenBuckets buckets = new TokenBuckets(MAX_BUCKETS);

    public RateLimitFilter(List<Rule> rules) {
        this.limits = rules.stream().map(rule -> new Limit(rule, PathPatternParser.defaultInstance.parse(rule.pattern()))).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (Limit limit : limits) {
            if (!limit.pattern().matches(path)) {
                continue;
            }
            Rule rule = limit.rule();
            ConsumptionProbe byAddress = bucket(rule.name() + "|ip|" + request.getRemoteAddr(), rule.perAddressPerMinute());
            ConsumptionProbe bySession = byAddress.isConsumed() ? bySession(request, rule) : null;
            ConsumptionProbe refused = !byAddress.isConsumed() ? byAddress
                    : bySession != null && !bySession.isConsumed() ? bySession : null;
            if (refused != null) {
                long seconds = TokenBuckets.secondsToWait(refused);
                log.warn("Rate limit '{}' reached for {} ({}): retry in {} s", rule.name(), request.getRemoteAddr(),
                        refused == byAddress ? "address" : "session", seconds);
                response.setHeader("Retry-After", String.valueOf(seconds));
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private ConsumptionProbe bySession(HttpServletRequest request, Rule rule) {
        HttpSession session = request.getSession(false);
        return session == null ? null : bucket(rule.name() + "|session|" + session.getId(), rule.perSessionPerMinute());
    }

    private ConsumptionProbe bucket(String key, int perMinute) {
        return buckets.take(key, perMinute);
    }
}
