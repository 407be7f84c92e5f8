package jp.mynahealth.portal.proxies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.portal.notices.Notice;
import jp.mynahealth.portal.notices.NoticeContext;
import jp.mynahealth.portal.notices.NoticeSource;

/**
 * Notices about proxies, for the principal: an invitation still waiting to be taken (until it
 * expires), and someone who became their proxy or legal representative (for 90 days) — news a person
 * must not miss, since it opens their records to another.
 */
@Component
class ProxyNotices implements NoticeSource {

    static final int NEW_PROXY_SHOWN_FOR_DAYS = 90;

    private final InvitationRepository invitations;
    private final ProxyGrantRepository grants;

    ProxyNotices(InvitationRepository invitations, ProxyGrantRepository grants) {
        this.invitations = invitations;
        this.grants = grants;
    }

    @Override
    public List<Notice> notices(NoticeContext context) {
        List<Notice> notices = new ArrayList<>();
        for (Invitation waiting : invitations.pendingOf(context.person().id())) {
            LocalDate expires = waiting.expiresAt().atZone(ClockConfiguration.JAPAN).toLocalDate();
            notices.add(new Notice("proxy-invitation:" + waiting.invitationId(),
                    expires.minusDays(InvitationRepository.VALID_FOR.toDays()), "notices.proxy.waiting.title",
                    "notices.proxy.waiting.text", List.of(expires), "/proxies", "notices.action.proxies"));
        }
        LocalDate since = context.today().minusDays(NEW_PROXY_SHOWN_FOR_DAYS);
        for (ProxyGrantRepository.Received received : grants.receivedSince(context.person().id(),
                since.atStartOfDay(ClockConfiguration.JAPAN).toInstant())) {
            LocalDate on = received.createdAt().atZone(ClockConfiguration.JAPAN).toLocalDate();
            notices.add(new Notice("proxy-grant:" + received.grantId(), on,
                    ProxyGrant.LEGAL.equals(received.kind()) ? "notices.proxy.legal.title" : "notices.proxy.new.title",
                    "notices.proxy.new.text", List.of(received.proxyName()), "/proxies", "notices.action.proxies"));
        }
        return notices;
    }
}
