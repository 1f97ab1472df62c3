package org.entente.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix of a service: every endpoint it exposes × every kind of caller (no
 * token, points of contact of several states, each hub role), each with the status it must get.
 * Endpoints come from the application itself, so an endpoint without a rule fails the build.
 */
public final class AccessMatrix {

    /** A valid token naming a state nobody registered ({@link ReferenceStates#UNREGISTERED}): refused 403 on every endpoint. */
    public static final String UNREGISTERED_POC = "poc-zz";

    /**
     * Who calls: no token, a token signed by an unknown key, three states' PoCs, the PoC of a state
     * that is not registered ({@link #UNREGISTERED_POC}), and every hub role.
     */
    public static final List<String> CALLERS = List.of(
            "none", "forged", "poc-ee", "poc-fi", "poc-lv", UNREGISTERED_POC, "coordinator", "operator", "planner",
            "oversight");

    /** One endpoint ("GET /api/v1/alerts/{id}"), how to call it, and what each caller must get. */
    public record Rule(String endpoint, Function<RestTestClient, RestTestClient.RequestHeadersSpec<?>> request,
            ToIntFunction<String> expectedStatus) {
    }

    private AccessMatrix() {
    }

    /** Every endpoint the application maps, as "METHOD /path/{variable}". */
    public static Set<String> endpointsOf(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        Map<RequestMappingInfo, HandlerMethod> methods = context
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods();
        methods.keySet().forEach(info -> info.getMethodsCondition().getMethods()
                .forEach(method -> info.getPatternValues().stream()
                        .filter(path -> !path.startsWith("/error"))
                        .forEach(path -> endpoints.add(method.name() + " " + path))));
        return endpoints;
    }

    /**
     * The API documentation every service serves (springdoc, see platform's ApiDocsConfiguration):
     * public by design, so every caller gets it, a forged token included (it is not even read).
     */
    public static List<Rule> apiDocs() {
        return List.of(
                new Rule("GET /v3/api-docs", c -> c.get().uri("/v3/api-docs"), anyone(200)),
                new Rule("GET /v3/api-docs.yaml", c -> c.get().uri("/v3/api-docs.yaml"), anyone(200)),
                new Rule("GET /v3/api-docs/swagger-config", c -> c.get().uri("/v3/api-docs/swagger-config"), anyone(200)),
                new Rule("GET /swagger-ui.html", c -> c.get().uri("/swagger-ui.html"), anyone(302)));
    }

    public static Stream<DynamicTest> tests(RestTestClient server, List<Rule> rules) {
        RestTestClient http = server.mutate().requestInterceptor(AccessMatrix::judgeEventStreamsOnStatus).build();
        return rules.stream().flatMap(rule -> CALLERS.stream().map(caller -> DynamicTest.dynamicTest(
                rule.endpoint() + " as " + caller + " → " + rule.expectedStatus().applyAsInt(caller),
                () -> {
                    RestTestClient.RequestHeadersSpec<?> request = rule.request().apply(http);
                    if (caller.equals("forged")) {
                        request.header("Authorization", TestTokens.forgedBearer());
                    } else if (!caller.equals("none")) {
                        request.header("Authorization", TestTokens.bearer(caller));
                    }
                    request.exchange().expectStatus().isEqualTo(rule.expectedStatus().applyAsInt(caller));
                })));
    }

    /**
     * A live stream ({@code text/event-stream}) is judged on its status alone: the test goes on
     * once it has it, while the rest of the stream is read and dropped in the background until
     * the server ends it (closing the client's response drains it).
     */
    private static ClientHttpResponse judgeEventStreamsOnStatus(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        MediaType type = response.getHeaders().getContentType();
        if (type == null || !MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
            return response;
        }
        MockClientHttpResponse statusOnly = new MockClientHttpResponse(new byte[0], response.getStatusCode());
        statusOnly.getHeaders().putAll(response.getHeaders());
        CompletableFuture.runAsync(response::close);
        return statusOnly;
    }

    /** Public: the same status whoever calls. */
    public static ToIntFunction<String> anyone(int status) {
        return caller -> status;
    }

    /** Only these roles (any registered state's PoC when POC is among them); no valid token 401, others 403. */
    public static ToIntFunction<String> onlyRoles(int success, String... roles) {
        Set<String> allowed = Set.of(roles);
        return caller -> unauthenticated(caller) ? 401
                : caller.equals(UNREGISTERED_POC) ? 403
                : allowed.contains(caller.startsWith("poc-") ? "poc" : caller) ? success : 403;
    }

    /**
     * Hub roles read it; so do the PoCs of the states it concerns; another state's PoC finds
     * nothing (404); other roles 403.
     */
    public static ToIntFunction<String> hubOrStates(int success, List<String> hubRoles, String... states) {
        Set<String> concerned = Stream.of(states).map(state -> "poc-" + state.toLowerCase()).collect(Collectors.toSet());
        return caller -> unauthenticated(caller) ? 401
                : caller.equals(UNREGISTERED_POC) ? 403
                : hubRoles.contains(caller) || concerned.contains(caller) ? success
                : caller.startsWith("poc-") ? 404 : 403;
    }

    /**
     * An object of {@code ownerState}: its PoC gets {@code success}, another state's PoC 404 as
     * if it did not exist, hub roles 403, no token 401.
     */
    public static ToIntFunction<String> ownStateOnly(String ownerState, int success) {
        return caller -> unauthenticated(caller) ? 401
                : caller.equals(UNREGISTERED_POC) ? 403
                : caller.equals("poc-" + ownerState.toLowerCase()) ? success
                : caller.startsWith("poc-") ? 404 : 403;
    }

    private static boolean unauthenticated(String caller) {
        return caller.equals("none") || caller.equals("forged");
    }
}
