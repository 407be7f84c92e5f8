package jp.mynahealth.bench;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.CommonConfiguration;

/** Prints how many claim and checkup rows the read store holds (e2e/bench/import.sh). */
public final class RowCount {

    private RowCount() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("myna.demo.enabled=false", "myna.import.inbox=", "logging.level.root=WARN")
                .run("--myna.data-dir=" + args[0])) {
            System.out.println(JdbcClient.create(context.getBean(DataSource.class)).sql("""
                    select (select count(*) from records.claim_receipt) + (select count(*) from records.cost_notice)
                         + (select count(*) from records.dispensing) + (select count(*) from records.checkup)
                         + (select count(*) from records.checkup_result)
                    """).query(Long.class).single());
        }
    }
}
