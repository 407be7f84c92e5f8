package jp.mynahealth.ca;

import static jp.mynahealth.common.CommandLine.option;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.mynahealth.common.CommonConfiguration;

/**
 * The issuer's commands, run against the data folder and the database, then exit:
 * {@code --card-issue=<card-id> --person=<uuid> [--pin=NNNN]} and {@code --card-revoke=<card-id>}.
 */
public final class CardCommand {

    private CardCommand() {
    }

    public static boolean isRequested(String... args) {
        return option(args, "card-issue").isPresent() || option(args, "card-revoke").isPresent();
    }

    /** Returns the process exit code: 0 done, 2 refused (with the reason printed). */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .child(CardCommandConfiguration.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=application,ca")
                .run(args)) {
            CardIssuer issuer = context.getBean(CardIssuer.class);
            Optional<String> issue = option(args, "card-issue");
            if (issue.isPresent()) {
                String person = option(args, "person").orElseThrow(() -> new IllegalArgumentException("--person=<uuid> is needed"));
                String pin = option(args, "pin").orElse(context.getBean(CaProperties.class).demoPin());
                X509Certificate card = issuer.issue(issue.get(), UUID.fromString(person), pin, issue.get());
                System.out.printf("Issued card %s (serial %s) for person %s%n", issue.get(),
                        card.getSerialNumber().toString(16), person);
            } else {
                BigInteger serial = issuer.revoke(option(args, "card-revoke").orElseThrow());
                System.out.printf("Revoked card %s (serial %s)%n", option(args, "card-revoke").get(), serial.toString(16));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("Refused: " + e.getMessage());
            return 2;
        }
    }
}
