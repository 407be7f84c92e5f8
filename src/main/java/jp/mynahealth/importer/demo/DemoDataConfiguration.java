package jp.mynahealth.importer.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the demo set when the store is empty and {@code myna.demo.enabled} is true (the default). */
@Configuration(proxyBeanMethods = false)
public class DemoDataConfiguration {

    @Bean
    @ConditionalOnProperty(name = "myna.demo.enabled", havingValue = "true")
    ApplicationRunner demoDataOnFirstStart(DemoDataLoader loader, @Value("${myna.demo.seed}") long seed,
            @Value("${myna.demo.persons:120}") int persons) {
        return arguments -> loader.loadDemoSetIfEmpty(seed, persons);
    }
}
