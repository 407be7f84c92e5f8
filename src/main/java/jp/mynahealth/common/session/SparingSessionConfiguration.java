package jp.mynahealth.common.session;

import java.util.EnumSet;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import jakarta.servlet.DispatcherType;

/**
 * Puts {@link SparingSessionRepository} in front of the JDBC session store Spring Boot configures
 * (table, idle limit, cleanup and all stay Boot's), for the roles that keep sessions there.
 */
@Configuration(proxyBeanMethods = false)
public class SparingSessionConfiguration {

    @Bean
    static BeanPostProcessor sparingSessionStore() {
        // Whoever needs the store asks for SessionRepository or FindByIndexNameSessionRepository, which both are.
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? new SparingSessionRepository<>(store) : bean;
            }
        };
    }

    /**
     * Two requests of one session that add the same attribute at once (the first pages after a
     * login, loaded side by side) would both insert it, and the second would fail on the key:
     * Spring Session's PostgreSQL customizer makes that insert an upsert.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributeWrites() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    FilterRegistrationBean<SessionRequestScope> sessionRequestScope(SessionRepository<?> sessions) {
        FilterRegistrationBean<SessionRequestScope> registration = new FilterRegistrationBean<>(
                new SessionRequestScope((SparingSessionRepository<?>) sessions));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }
}
