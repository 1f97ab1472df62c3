package org.entente.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.platform.caller.LocalIssuer;
import org.entente.platform.caller.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the benchmark makes, with real tokens of the local issuer the services trust: a
 * state's report (asynchronous, for fixed-rate load), the size of a state's inbox, and the number
 * of commitment outcomes trust-service counts.
 */
final class EntenteApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final LocalIssuer issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    EntenteApi(Path issuerKeys) {
        this.issuer = LocalIssuer.inDirectory(issuerKeys);
    }

    /** {@code POST /api/v1/incidents} from {@code state}'s point of contact. */
    CompletableFuture<HttpResponse<String>> report(String baseUrl, String state) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/incidents")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token(Role.POC, state))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SampleIncident.reportBody(state))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The incident id in a {@code 202} answer. */
    static String incidentId(HttpResponse<String> accepted) {
        return JSON.readTree(accepted.body()).get("id").asString();
    }

    /** How many alerts {@code GET /api/v1/alerts} lists for {@code state}. */
    int inboxSize(String baseUrl, String state) {
        return get(baseUrl + "/api/v1/alerts", token(Role.POC, state)).size();
    }

    /** Commitment outcomes over all states and all time, as {@code GET /api/v1/trust/states} (operator) counts them. */
    long trustOutcomes(String baseUrl) {
        long total = 0;
        for (JsonNode figures : get(baseUrl + "/api/v1/trust/states", token(Role.OPERATOR, null)).get("states")) {
            total += figures.get("total").asLong();
        }
        return total;
    }

    private JsonNode get(String url, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(Role role, String state) {
        return tokens.computeIfAbsent(role + "/" + state, ignored -> issuer.token(role, state));
    }
}
