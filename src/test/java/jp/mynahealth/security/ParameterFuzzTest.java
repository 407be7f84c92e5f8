package jp.mynahealth.security;

import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jp.mynahealth.Role;
import jp.mynahealth.support.PortalRole;

/**
 * Every form and query parameter of every portal route without path variables, found from the
 * controller mappings, gets hostile input: long, unicode, control characters, SQL and script.
 * Nothing may answer 5xx, and no payload may come back unescaped.
 */
class ParameterFuzzTest {

    private static final List<String> PAYLOADS = List.of("x".repeat(5000), "見本🙂\u200d\u202e", "\u0000\u0001\u001f\u007f",
            "' or '1'='1' --", "1; drop table records.person; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "%00%0d%0aSet-Cookie: x=y", "../../../../etc/passwd", "-1", "99999999999999999999", "2026-13", "{{7*7}}", "${7*7}");
    private static MockMvc mvc;
    private static Map<RequestMappingInfo, HandlerMethod> handlers;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        handlers = PortalRole.roles().context(Role.PORTAL)
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods();
    }

    @Test
    void hostileParametersNeverBreakAPageOrComeBackUnescaped() throws Exception {
        int requests = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.entrySet()) {
            List<String> parameters = new ArrayList<>();
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                if (annotation != null) {
                    parameters.add(annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name());
                }
            }
            for (String path : entry.getKey().getPatternValues()) {
                if (path.contains("{") || path.startsWith("/error") || parameters.isEmpty()) {
                    continue;
                }
                boolean isPost = entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST);
                for (String name : parameters) {
                    for (String payload : PAYLOADS) {
                        var request = (isPost ? post(path).with(csrf()) : get(path)).param(name, payload).with(as(TARO));
                        var response = mvc.perform(request).andReturn().getResponse();
                        String body = response.getContentAsString(StandardCharsets.UTF_8);
                        assertThat(response.getStatus()).as("%s %s=%s", path, name, payload).isLessThan(500);
                        assertThat(body).as("%s %s", path, name).doesNotContain("<script>alert(1)", "<img src=x", "Exception",
                                "SQLState", "org.postgresql");
                        requests++;
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(100);
    }
}
