package org.entente.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

class CallerRateLimitFilterTest {

    private final CallerRateLimitFilter filter = new CallerRateLimitFilter(new HttpLimitsProperties(DataSize.ofKilobytes(256), 2, 3));

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldRefuseACallersWritesBeyondTheLimitWithRetryAfter() throws Exception {
        signIn("ee-poc");

        List<Integer> statuses = List.of(call("POST"), call("PUT"), call("POST"));

        assertThat(statuses).containsExactly(200, 200, 429);
        MockHttpServletResponse refused = response("POST");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void shouldCountReadsApartFromWritesAndCallersApartFromEachOther() throws Exception {
        signIn("ee-poc");
        call("POST");
        call("POST");

        assertThat(List.of(call("GET"), call("GET"), call("GET"), call("GET"))).containsExactly(200, 200, 200, 429);
        signIn("fi-poc");
        assertThat(call("POST")).isEqualTo(200);
    }

    @Test
    void shouldLeaveHealthAndMetricsAlone() throws Exception {
        signIn("ee-poc");
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private void signIn(String subject) {
        TestingAuthenticationToken caller = new TestingAuthenticationToken(subject, null, "ROLE_POC");
        SecurityContextHolder.getContext().setAuthentication(caller);
    }

    private int call(String method) throws Exception {
        return response(method).getStatus();
    }

    private MockHttpServletResponse response(String method) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, "/api/v1/incidents"), response, new MockFilterChain());
        return response;
    }
}
