package org.entente.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StatesUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerStateFilterTest {

    static final KnownStates NORDIC = Set.of("DK", "FI", "IS", "NO", "SE")::contains;

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldRefuseAValidTokenNamingAStateThatIsNotRegistered() throws Exception {
        // Given a verified token of a point of contact of ZZ, which is not a registered state
        signIn(token("poc", "ZZ"));

        // When it calls, then it is forbidden, not unauthenticated: the token is good, the state it names is not
        assertRefused(call(NORDIC), 403, "\"title\":\"Token names no registered state\"",
                "its state claim ZZ is not a registered state");
    }

    @Test
    void shouldRefuseAStateClaimThatIsNoCodeWhateverTheRole() throws Exception {
        signIn(token("coordinator", "Sweden"));

        MockHttpServletResponse response = assertRefused(call(NORDIC), 403, "is not an ISO 3166-1 alpha-2 code");
        assertThat(response.getContentAsString()).doesNotContain("Sweden");
    }

    @Test
    void shouldAnswerRetryLaterWhileTheStatesAreNotLoaded() throws Exception {
        signIn(token("poc", "FI"));

        MockHttpServletResponse response = assertRefused(call(code -> {
            throw new StatesUnavailableException();
        }), 503, "\"title\":\"States not loaded yet\"");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void shouldLetARegisteredStateAndATokenWithoutStateThrough() throws Exception {
        signIn(token("poc", "FI"));
        assertThat(call(NORDIC).passed()).isTrue();

        signIn(token("operator", null));
        assertThat(call(code -> {
            throw new AssertionError("a token without state asks for none");
        }).passed()).isTrue();
    }

    @Test
    void shouldCheckNothingWhereTheServiceDoesNotKnowTheStates() throws Exception {
        signIn(token("planner", "ZZ"));

        assertThat(call(null).passed()).isTrue();
    }

    private record Called(boolean passed, MockHttpServletResponse response) {
    }

    /** The request went no further: answered {@code status} with a problem detail containing {@code texts}. */
    private static MockHttpServletResponse assertRefused(Called called, int status, String... texts) throws Exception {
        assertThat(called.passed()).isFalse();
        assertThat(called.response().getStatus()).isEqualTo(status);
        assertThat(called.response().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(called.response().getContentAsString()).contains(texts);
        return called.response();
    }

    private static Called call(KnownStates states) throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (states != null) {
            beans.addBean("knownStates", states);
        }
        ObjectProvider<KnownStates> provider = beans.getBeanProvider(KnownStates.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new CallerStateFilter(provider).doFilter(new MockHttpServletRequest("GET", "/api/v1/alerts"), response, chain);
        return new Called(chain.getRequest() != null, response);
    }

    private static void signIn(Jwt jwt) {
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthenticationConverter().convert(jwt));
    }

    private static Jwt token(String role, String state) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("caller").claim("roles", List.of(role));
        return (state == null ? token : token.claim("state", state)).build();
    }
}
