package org.entente.platform.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Summaries, example payloads and the documented responses of a service's operations, kept in a
 * JSON file beside its configuration instead of annotations on its controllers. Keys are
 * operations as {@code "POST /api/v1/incidents"}; the responses listed are the ones documented
 * (springdoc's guesses, such as a 200 for a 202, are replaced), a success response keeping the
 * schema springdoc derived from the method.
 */
public final class ApiExamples implements OpenApiCustomizer {

    record Endpoint(String summary, String description, Object request, Map<String, Response> responses) {
    }

    record Response(String description, String mediaType, Object example) {
    }

    private final Map<String, Endpoint> endpoints;

    ApiExamples(Map<String, Endpoint> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    static ApiExamples load(Resource file) {
        if (!file.exists()) {
            throw new IllegalStateException("No API examples at " + file.getDescription());
        }
        try (InputStream in = file.getInputStream()) {
            return new ApiExamples(JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Endpoint>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Endpoint endpoint = endpoints.get(method.name() + " " + path);
            if (endpoint != null) {
                document(operation, endpoint);
            }
        }));
    }

    private static void document(Operation operation, Endpoint endpoint) {
        operation.setSummary(endpoint.summary());
        operation.setDescription(endpoint.description());
        if (endpoint.request() != null && operation.getRequestBody() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(endpoint.request()));
        }
        Schema<?> success = successSchema(operation);
        ApiResponses responses = new ApiResponses();
        endpoint.responses().forEach((status, response) -> {
            ApiResponse documented = new ApiResponse().description(response.description());
            if (response.example() != null) {
                MediaType media = new MediaType().example(response.example());
                if (status.startsWith("2")) {
                    media.schema(success);
                }
                documented.content(new Content().addMediaType(mediaType(status, response), media));
            }
            responses.addApiResponse(status, documented);
        });
        operation.setResponses(responses);
    }

    private static String mediaType(String status, Response response) {
        if (response.mediaType() != null) {
            return response.mediaType();
        }
        return status.startsWith("2") ? "application/json" : "application/problem+json";
    }

    private static Schema<?> successSchema(Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        return operation.getResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null)
                .flatMap(response -> response.getValue().getContent().values().stream())
                .map(MediaType::getSchema)
                .findFirst().orElse(null);
    }
}
