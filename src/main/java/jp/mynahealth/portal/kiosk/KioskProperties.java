package jp.mynahealth.portal.kiosk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kiosk sessions ({@code myna.kiosk.*}).
 *
 * @param idle        how long without input before the "are you still there?" dialog (WCAG 2.2.1)
 * @param countdown   how long the dialog counts down before the session ends
 * @param serverGrace how much longer the server waits before it ends an idle kiosk session itself
 * @param signerUrl   the terminal's local signer, asked whether the card is still in the reader
 */
@ConfigurationProperties("myna.kiosk")
public record KioskProperties(Duration idle, Duration countdown, Duration serverGrace, String signerUrl) {

    public KioskProperties {
        // A session's idle limit of 0 s would mean no limit at all to the servlet container.
        if (idle.plus(countdown).plus(serverGrace).toSeconds() < 1) {
            throw new IllegalArgumentException("myna.kiosk.idle + countdown + server-grace must be at least 1 s");
        }
    }

    /** The server ends a kiosk session on its own a little after the page should have: a page whose script died cannot keep it. */
    public Duration serverTimeout() {
        return idle.plus(countdown).plus(serverGrace);
    }
}
