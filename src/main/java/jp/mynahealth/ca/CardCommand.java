package jp.mynahealth.ca;

import static jp.mynahealth.common.CommandLine.option;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.mynahealth.common.CommonConfiguration;

/**
 * The issuer's commands, run against the data folder and the database, then exit:
 * {@code --card-issue=<card-id> --person=<uuid> [--pin=NNNN]}, {@code --card-issue-batch=<file> [--pin=NNNN]}
 * and {@code --card-revoke=<card-id>}. A batch file has one {@code card-id,person-uuid} line a card: a
 * municipality issues cards by the hundred, and the page benchmark logs in that many citizens.
 */
public final class CardCommand {

    private CardCommand() {
    }

    public static boolean isRequested(String... args) {
        return option(args, "card-issue").isPresent() || option(args, "card-issue-batch").isPresent()
                || option(args, "card-revoke").isPresent();
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
            Optional<String> batch = option(args, "card-issue-batch");
            if (batch.isPresent()) {
                String pin = option(args, "pin").orElse(context.getBean(CaProperties.class).demoPin());
                List<String[]> cards = batch(Path.of(batch.get()));
                for (String[] card : cards) {
                    issuer.issue(card[0], UUID.fromString(card[1]), pin, card[0]);
                }
                System.out.printf("Issued %d cards from %s%n", cards.size(), batch.get());
            } else if (issue.isPresent()) {
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

    /** Every line is checked before the first card is made, so a bad file issues nothing. */
    private static List<String[]> batch(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
        }
        List<String[]> cards = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] fields = lines.get(i).strip().split(",");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("not card-id,person-uuid");
                }
                UUID.fromString(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of " + file + " is not card-id,person-uuid");
            }
            cards.add(fields);
        }
        return cards;
    }
}
