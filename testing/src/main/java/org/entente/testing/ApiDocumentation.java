package org.entente.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's OpenAPI description at /v3/api-docs says, checked against the application
 * itself: every endpoint it maps (but the documentation's own) is described, with a summary, an
 * example request body where it takes one and an example for every response that has a body.
 */
public final class ApiDocumentation {

    private ApiDocumentation() {
    }

    /** Fetches /v3/api-docs without a token and checks it describes exactly the application's API. */
    public static void assertDescribesEveryEndpoint(RestTestClient http, ApplicationContext context) {
        String json = http.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode description = JsonMapper.builder().build().readTree(json);
        Map<String, JsonNode> operations = operations(description);

        Set<String> docs = AccessMatrix.apiDocs().stream().map(AccessMatrix.Rule::endpoint).collect(Collectors.toSet());
        Set<String> api = AccessMatrix.endpointsOf(context).stream().filter(endpoint -> !docs.contains(endpoint))
                .collect(Collectors.toSet());
        assertEquals(api, operations.keySet(), "operations described");
        assertEquals("bearer", description.at("/components/securitySchemes/bearer-jwt/scheme").asString());
        assertEquals("JWT", description.at("/components/securitySchemes/bearer-jwt/bearerFormat").asString());
        operations.forEach((endpoint, operation) -> {
            assertFalse(operation.path("summary").asString("").isBlank(), "summary of " + endpoint);
            operation.path("requestBody").path("content")
                    .forEach(media -> assertTrue(media.has("example"), "request example of " + endpoint));
            Set<Map.Entry<String, JsonNode>> responses = operation.path("responses").properties();
            assertTrue(responses.stream().anyMatch(response -> response.getKey().startsWith("2")), "success response of " + endpoint);
            responses.forEach(response -> response.getValue().path("content").forEach(media -> assertTrue(media.has("example"),
                    "example of " + endpoint + " response " + response.getKey())));
        });
    }

    /** "METHOD /path" → the operation. */
    private static Map<String, JsonNode> operations(JsonNode description) {
        Map<String, JsonNode> operations = new TreeMap<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue())));
        return operations;
    }
}
