package jp.mynahealth.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One clock for the whole system, in Japan's time zone. {@code myna.clock.fixed} (an ISO date-time
 * with offset) stops it at that instant, so tests and demos see the same ages and data lags.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock(@Value("${myna.clock.fixed:}") String fixed) {
        if (StringUtils.hasText(fixed)) {
            return Clock.fixed(OffsetDateTime.parse(fixed).toInstant(), JAPAN);
        }
        return Clock.system(JAPAN);
    }
}
