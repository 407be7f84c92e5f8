package jp.mynahealth.portal.kiosk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kiosk sessions ({@code myna.kiosk.*}).
 *
 * @param idle      how long without input before the "are you still there?" dialog (WCAG 2.2.1)
 * @param countdown how long the dialog counts down before the session ends
 * @param signerUrl the terminal's local signer, asked whether the card is still in the reader
 */
@ConfigurationProperties("myna.kiosk")
public record KioskProperties(Duration idle, Duration countdown, String signerUrl) {

    /** The server ends a kiosk session on its own a little after the page should have: a page whose script died cannot keep it. */
    public Duration serverTimeout() {
        return idle.plus(countdown).plusSeconds(30);
    }
}
