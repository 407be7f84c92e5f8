package jp.mynahealth.portal.etax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.proxies.ProxyGrant;
import jp.mynahealth.portal.proxies.ProxyGrantRepository;
import jp.mynahealth.portal.proxies.ProxyScope;

/**
 * The family members a citizen may add to their own tax year: the people whose live grant to them
 * includes e-Tax. A request names members only by grant id, and each is looked up among the logged-in
 * citizen's own live grants: a person id never selects whose data is read, and a grant that is not
 * theirs, has ended or lacks e-Tax answers 404, as for data that does not exist.
 */
@Component
class FamilyMembers {

    private static final Logger log = LoggerFactory.getLogger(FamilyMembers.class);

    private final ProxyGrantRepository grants;

    FamilyMembers(ProxyGrantRepository grants) {
        this.grants = grants;
    }

    /** Whom the citizen may add; nobody while they act for someone (that view is the principal's own). */
    List<ProxyGrant> eligible(Visit visit) {
        if (visit.byProxy()) {
            return List.of();
        }
        return grants.principalsOf(visit.person()).stream().filter(g -> g.allows(ProxyScope.ETAX)).toList();
    }

    /** The grants the request names, each once; an empty list when it names none. */
    List<ProxyGrant> chosen(Visit visit, List<String> grantIds) {
        if (grantIds == null || grantIds.isEmpty()) {
            return List.of();
        }
        if (visit.byProxy()) {
            log.info("Proxy {} acting for {} named family members: refused", visit.actor(), visit.person());
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<ProxyGrant> eligible = eligible(visit);
        List<ProxyGrant> chosen = new ArrayList<>();
        for (String text : grantIds) {
            ProxyGrant grant = id(text).flatMap(id -> eligible.stream().filter(g -> g.grantId() == id).findFirst())
                    .orElseThrow(() -> {
                        log.info("{} named a family member by a grant that is not theirs with e-Tax: refused", visit.person());
                        return new ResponseStatusException(HttpStatus.NOT_FOUND);
                    });
            if (!chosen.contains(grant)) {
                chosen.add(grant);
            }
        }
        return chosen;
    }

    private static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
