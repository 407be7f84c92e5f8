package jp.mynahealth.security;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jp.mynahealth.Role;
import jp.mynahealth.support.PortalRole;

/**
 * Every portal route that takes an id, found from the controller mappings (so a new route is
 * covered, or this test fails until it says how to pick another person's value): 見本 太郎 asks
 * with 見本 花子's ids and never sees her data.
 */
class ObjectLevelAccessSweepTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)[^}]*}");
    private static MockMvc mvc;
    private static JdbcClient jdbc;
    private static List<String> patterns;

    /** For each path variable: the value belonging to 見本 花子 that 見本 太郎 tries. */
    private static Map<String, Function<UUID, List<String>>> othersValues;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        var context = PortalRole.roles().context(Role.PORTAL);
        jdbc = context.getBean(JdbcClient.class);
        RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        patterns = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (get) {
                patterns.addAll(info.getPatternValues().stream().filter(p -> p.contains("{")).toList());
            }
        }
        othersValues = Map.of(
                "id", person -> jdbc.sql("select checkup_id::text from records.checkup where person_id = :p")
                        .param("p", person).query(String.class).list(),
                "itemCode", person -> List.of("9N011000000000001", "9A751000000000001"),
                "year", person -> List.of("2024", "2025"));
    }

    @Test
    void theSweepFoundTheRoutesWithIds() {
        assertThat(patterns).contains("/checkups/{id}", "/checkups/trend/{itemCode}", "/etax/{year}/iryohi.xml");
    }

    @Test
    void noRouteShowsAnotherPersonsData() throws Exception {
        String hanakosName = "見本 花子";
        String hanakosBirthDate = jdbc.sql("select birth_date::text from records.person where person_id = :p")
                .param("p", HANAKO).query(String.class).single();
        int requests = 0;
        for (String pattern : patterns) {
            Matcher matcher = VARIABLE.matcher(pattern);
            List<String> names = new ArrayList<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            for (String name : names) {
                assertThat(othersValues).as("route %s: say how to pick another person's {%s}", pattern, name).containsKey(name);
            }
            for (String value : othersValues.get(names.get(0)).apply(HANAKO)) {
                String url = VARIABLE.matcher(pattern).replaceAll(value);
                var response = mvc.perform(get(url).with(as(TARO))).andReturn().getResponse();
                String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(body).as(url).doesNotContain(hanakosName, hanakosBirthDate);
                if (names.contains("id")) {
                    assertThat(response.getStatus()).as(url).isEqualTo(404);
                }
                requests++;
            }
        }
        assertThat(requests).isGreaterThan(3);
    }
}
