package jp.mynahealth.idp.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import jp.mynahealth.support.PortalRole;

/**
 * The operator's command registers an app with a secret shown once (only its hash kept), changes it,
 * retires it, and refuses what a citizen's safety needs refused: unknown kinds of data, redirect
 * URIs an attacker could receive codes at, reserved ids.
 */
class AppRegisterCommandTest {

    private static JdbcClient jdbc;

    @BeforeAll
    static void store() {
        jdbc = PortalRole.roles().common().getBean(JdbcClient.class);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int exit = AppRegisterCommand.run(args);
            return new Run(exit, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void registersWithASecretShownOnceAndKeptHashed() {
        Run run = run("--app-register=command-test-kakeibo", "--app-name=家計簿アプリ", "--app-operator=家計簿株式会社",
                "--app-redirect-uri=https://kakeibo.example/callback,http://127.0.0.1:8765/cb", "--app-scopes=drugs,costs",
                "--logging.level.root=WARN");
        assertThat(run.exit()).as(run.err()).isZero();
        String secret = run.out().lines().filter(line -> line.startsWith("Its client secret, shown this once: "))
                .map(line -> line.substring("Its client secret, shown this once: ".length())).findFirst().orElseThrow();
        String hash = jdbc.sql("select secret_hash from idp.app where app_id = 'command-test-kakeibo'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(secret);
        assertThat(new BCryptPasswordEncoder().matches(secret, hash.substring("{bcrypt}".length()))).isTrue();
        assertThat(jdbc.sql("select array_to_string(scopes, ' ') from idp.app where app_id = 'command-test-kakeibo'")
                .query(String.class).single()).isEqualTo("costs drugs");

        assertThat(run("--app-retire=command-test-kakeibo", "--logging.level.root=WARN").exit()).isZero();
        assertThat(jdbc.sql("select retired_at is not null from idp.app where app_id = 'command-test-kakeibo'")
                .query(Boolean.class).single()).isTrue();
        assertThat(run("--app-retire=command-test-kakeibo", "--logging.level.root=WARN").exit()).as("already retired").isEqualTo(2);
    }

    @Test
    void aPublicAppHasNoSecret() {
        Run run = run("--app-register=command-test-public", "--app-name=公開アプリ", "--app-operator=公開株式会社",
                "--app-redirect-uri=https://public.example/cb", "--app-scopes=checkups", "--app-public", "--logging.level.root=WARN");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("public, PKCE only").doesNotContain("secret, shown");
        assertThat(jdbc.sql("select secret_hash is null from idp.app where app_id = 'command-test-public'").query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void refusesWhatWouldEndangerCitizens() {
        List<String[]> refused = List.of(
                new String[] { "--app-register=command-test-bad", "--app-name=x", "--app-operator=y",
                        "--app-redirect-uri=https://x.example/cb", "--app-scopes=drugs,diagnoses" },
                new String[] { "--app-register=command-test-bad", "--app-name=x", "--app-operator=y",
                        "--app-redirect-uri=http://x.example/cb", "--app-scopes=drugs" },
                new String[] { "--app-register=command-test-bad", "--app-name=x", "--app-operator=y",
                        "--app-redirect-uri=https://x.example/cb#fragment", "--app-scopes=drugs" },
                new String[] { "--app-register=myna-portal", "--app-name=x", "--app-operator=y",
                        "--app-redirect-uri=https://x.example/cb", "--app-scopes=drugs" },
                new String[] { "--app-register=command-test-bad", "--app-operator=y",
                        "--app-redirect-uri=https://x.example/cb", "--app-scopes=drugs" });
        for (String[] args : refused) {
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).startsWith("Refused: ");
        }
        assertThat(jdbc.sql("select count(*) from idp.app where app_id in ('command-test-bad', 'myna-portal')").query(Long.class)
                .single()).isZero();
    }
}
