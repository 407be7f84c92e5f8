package jp.mynahealth.common.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) by key, each refilled evenly over a minute; the least recently used are
 * forgotten beyond {@code maxBuckets}, so a flood of new keys cannot grow the heap without bound.
 */
public final class TokenBuckets {

    private final Map<String, Bucket> buckets;

    public TokenBuckets(int maxBuckets) {
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        });
    }

    /** Takes one token from the key's bucket of {@code perMinute}; the probe says whether it was there. */
    public ConsumptionProbe take(String key, int perMinute) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
    }

    /** Whole seconds until the refused probe's bucket has a token again (at least 1). */
    public static long secondsToWait(ConsumptionProbe refused) {
        return Math.max(1, Duration.ofNanos(refused.getNanosToWaitForRefill()).toSeconds());
    }
}
