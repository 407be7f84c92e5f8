package jp.mynahealth.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import jp.mynahealth.common.CommonConfiguration;

/**
 * A test against the real embedded PostgreSQL with the demo set loaded on a fixed day
 * ({@link #TODAY}). Every test with this annotation shares one context and one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommonConfiguration.class, webEnvironment = WebEnvironment.NONE,
        properties = "myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00")
public @interface ReadStoreTest {

    String TODAY = "2026-11-24";
}
