package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.TestBrowser;

/**
 * A genuine auth token — signed by the card through the signer, accepted once for a login — is
 * worth nothing afterwards: posted again, by the same browser or by another one (with the old
 * challenge or with a fresh one of its own), it is refused, the refusal is logged, and nobody is
 * logged in by it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardTokenReplayTest {

    private static final String CHALLENGE_USED = "Card login refused [TRY_AGAIN]: challenge unknown or already used";
    private static final String OTHER_CHALLENGE = "Card login refused [WRONG_SITE]: signature does not cover this origin";
    private static TestBrowser citizen;
    private static TestBrowser.SignedForm used;

    @BeforeAll
    static void logIn() {
        citizen = new TestBrowser();
        TestBrowser.Login login = citizen.logIn(CardLoginSystem.portal(), CardLoginSystem.signer(), CardLoginSystem.CARD,
                CardLoginSystem.PIN);
        assertThat(login.page().statusCode()).isEqualTo(200);
        assertThat(login.page().body()).contains("ようこそ、" + CardLoginSystem.PERSON_NAME + " さん");
        used = login.form();
    }

    /**
     * A post whose challenge is still unused is checked and answered with a 303 to the completing
     * GET (the login works across sites), where the same browser is shown the refusal.
     */
    private static void assertRefusedPolitely(TestBrowser browser, HttpResponse<String> posted, String title) {
        HttpResponse<String> answer = posted;
        if (posted.statusCode() == 303) {
            String next = TestBrowser.location(posted);
            answer = browser.get(next.startsWith("/") ? CardLoginSystem.idp() + next : next);
        }
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(title).doesNotContain("Exception", "challenge unknown", "signature does not");
    }

    /** Neither the idp nor the portal knows this browser as anyone. */
    private static void assertLoggedInNowhere(TestBrowser browser) {
        String authorize = TestBrowser.location(browser.get(CardLoginSystem.portal() + "/oauth2/authorization/myna"));
        assertThat(TestBrowser.location(browser.get(authorize))).as("the idp asks for a card")
                .isEqualTo(CardLoginSystem.idp() + "/login");
        assertThat(TestBrowser.location(browser.get(CardLoginSystem.portal() + "/dashboard")))
                .endsWith("/oauth2/authorization/myna");
    }

    /** What was logged from {@code mark} on (the captured output holds the earlier tests' too). */
    private static String loggedSince(CapturedOutput log, int mark) {
        return log.toString().substring(mark);
    }

    @Test
    void theSameBrowserPostingItAgainIsRefused(CapturedOutput log) {
        int mark = log.length();
        assertRefusedPolitely(citizen, citizen.submit(used), "ログインできませんでした");
        assertThat(loggedSince(log, mark)).contains(CHALLENGE_USED);
    }

    @Test
    void anotherBrowserWithTheUsedChallengeIsRefusedAndLoggedInNowhere(CapturedOutput log) {
        TestBrowser other = new TestBrowser();
        int mark = log.length();
        assertRefusedPolitely(other, other.submit(used), "ログインできませんでした");
        assertThat(loggedSince(log, mark)).contains(CHALLENGE_USED);

        other.openLoginPage(CardLoginSystem.portal());
        mark = log.length();
        assertRefusedPolitely(other, other.submit(used), "ログインできませんでした");
        assertThat(loggedSince(log, mark)).contains(CHALLENGE_USED);
        assertLoggedInNowhere(other);
    }

    @Test
    void anotherBrowserWithAFreshChallengeOfItsOwnIsRefusedAndLoggedInNowhere(CapturedOutput log) {
        TestBrowser other = new TestBrowser();
        TestBrowser.LoginPage page = other.openLoginPage(CardLoginSystem.portal());
        assertThat(page.challenge()).isNotEqualTo(used.challenge());
        TestBrowser.SignedForm replayed = new TestBrowser.SignedForm(used.action(), page.challenge(), used.authToken());
        int mark = log.length();
        assertRefusedPolitely(other, other.submit(replayed), "このサイトへのログインとして確認できませんでした");
        assertThat(loggedSince(log, mark)).contains(OTHER_CHALLENGE);
        assertLoggedInNowhere(other);
    }
}
