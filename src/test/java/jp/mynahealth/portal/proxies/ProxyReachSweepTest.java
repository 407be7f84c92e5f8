package jp.mynahealth.portal.proxies;

import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jp.mynahealth.Role;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.PortalRole;

/**
 * Every GET route of the portal, found from the controller mappings (a new page is swept too), asked
 * by 見本 太郎 while he acts for his father 一郎 under a grant of drugs and costs only: everything but
 * those two pages, the dashboard and the ways to switch answers 404, with 一郎's own ids in the address.
 */
class ProxyReachSweepTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)[^}]*}");
    /** What a proxy of drugs and costs may open, written out here rather than taken from ProxyPaths. */
    private static final Set<String> REACHABLE = Set.of("/", "/dashboard", "/drugs", "/costs", "/proxies", "/proxies/legal",
            "/proxies/legal/complete", "/kiosk", "/kiosk/alive");

    @Test
    void aProxyReachesOnlyTheGrantedPagesByAnyAddress() throws Exception {
        MockMvc mvc = PortalRole.mvc();
        var context = PortalRole.roles().context(Role.PORTAL);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        ProxyGrantRepository grants = context.getBean(ProxyGrantRepository.class);
        ProxyGrant grant = grants.principalsOf(new PersonId(TARO)).stream()
                .filter(g -> g.principal().value().equals(ICHIRO)).findFirst()
                .orElseGet(() -> grants.live(grants.create(new PersonId(ICHIRO), new PersonId(TARO), ProxyGrant.CHOSEN,
                        java.util.EnumSet.of(ProxyScope.DRUGS, ProxyScope.COSTS), java.time.LocalDate.of(2026, 11, 24),
                        java.time.LocalDate.of(2027, 11, 23), null), new PersonId(TARO)).orElseThrow());
        assertThat(grant.scopes()).containsExactlyInAnyOrder(ProxyScope.DRUGS, ProxyScope.COSTS);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/proxies/act").param("grant", String.valueOf(grant.grantId())).with(csrf()).session(session)
                .with(as(TARO)));

        Map<String, String> values = Map.of(
                "id", jdbc.sql("select checkup_id::text from records.checkup where person_id = :p limit 1").param("p", ICHIRO)
                        .query(String.class).optional().orElse("00000000-0000-4000-8000-000000000000"),
                "itemCode", "3F015000002327101", "year", "2025");
        RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                paths.addAll(info.getPatternValues());
            }
        }
        List<String> wrong = new ArrayList<>();
        // The error page renders what another request failed with; asked for by itself it has nothing to show.
        paths.remove("/error");
        // The API answers apps' bearer tokens only, never a session (ConnectedAppFlowTest): a proxy reaches it
        // through a consent within the grant, and a session there is refused as unauthenticated.
        for (String api : paths.stream().filter(path -> path.startsWith("/api/")).toList()) {
            int status = mvc.perform(get(VARIABLE.matcher(api).replaceAll(m -> values.get(m.group(1)))).session(session)
                    .with(as(TARO))).andReturn().getResponse().getStatus();
            assertThat(status).as(api + " with a session").isIn(401, 403);
            paths.remove(api);
        }
        for (String pattern : paths) {
            Matcher names = VARIABLE.matcher(pattern);
            while (names.find()) {
                assertThat(values).as("route %s: say what to fill {%s} with", pattern, names.group(1)).containsKey(names.group(1));
            }
            String url = VARIABLE.matcher(pattern).replaceAll(m -> values.get(m.group(1)));
            int status = mvc.perform(get(url).session(session).with(as(TARO))).andReturn().getResponse().getStatus();
            boolean reachable = REACHABLE.contains(pattern);
            if (reachable ? status >= 500 : status != 404) {
                wrong.add(url + " answered " + status);
            }
        }
        assertThat(wrong).as("routes a proxy of drugs and costs reached").isEmpty();
        assertThat(paths).as("the sweep found the record pages").contains("/checkups", "/insurance", "/history", "/etax",
                "/vaccinations", "/care", "/notices", "/checkups/{id}", "/etax/{year}/iryohi.xml");
    }
}
