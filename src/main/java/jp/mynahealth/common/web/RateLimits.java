package jp.mynahealth.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a minute one address and one session may make ({@code myna.rate-limit.*}):
 * starting a card login at the portal, creating challenges at the idp, downloading tax files,
 * entering a proxy invitation's code; and the API's calls per app and per person (all apps together).
 */
@ConfigurationProperties("myna.rate-limit")
public record RateLimits(int loginPerAddress, int loginPerSession, int challengePerAddress, int challengePerSession,
        int downloadPerAddress, int downloadPerSession, int invitationPerAddress, int invitationPerSession,
        int apiPerApp, int apiPerPerson) {
}
