package org.entente.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.platform.caller.LocalIssuer;
import org.entente.platform.caller.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP API as their callers use it, with real tokens of the local issuer whose key
 * directory the services are given (what deploy/local/token.sh does).
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final LocalIssuer issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(Path keyDirectory) {
        this.issuer = LocalIssuer.inDirectory(keyDirectory);
    }

    /** What the intake answered: 202 with the incident's id and report time, or why not. */
    record Intake(int status, String incidentId, Instant reportedAt, String failure) {

        boolean accepted() {
            return status == 202;
        }
    }

    Intake reportIncident(String baseUrl, String reportingState, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/incidents"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + poc(reportingState))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return new Intake(response.statusCode(), null, null, response.body());
            }
            JsonNode accepted = JSON.readTree(response.body());
            return new Intake(202, accepted.get("id").asString(), Instant.parse(accepted.get("reportedAt").asString()), null);
        } catch (Exception e) {
            return new Intake(-1, null, null, e.toString());
        }
    }

    /** The state's inbox from one notification-service instance (its local stores only). */
    List<JsonNode> inbox(String baseUrl, String state) {
        return list(baseUrl + "/api/v1/alerts", poc(state));
    }

    /**
     * The disclosure ledger's entries for one recipient state disclosed at or after {@code from}, as
     * oversight reads them ({@code GET /api/v1/ledger/disclosures}) from one notification-service
     * instance (its local store only, as the inbox).
     */
    List<JsonNode> ledger(String baseUrl, String recipient, Instant from) {
        return list(baseUrl + "/api/v1/ledger/disclosures?recipient=" + recipient + "&from=" + from,
                token("oversight", Role.OVERSIGHT, null));
    }

    int acknowledge(String baseUrl, String state, String alertId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts/" + alertId + "/acknowledgement"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + poc(state))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }

    /** GET /api/v1/trust/states as an operator: every state's figures over all time. */
    HttpResponse<String> trustStates(String baseUrl) {
        return get(baseUrl + "/api/v1/trust/states", token("operator", Role.OPERATOR, null));
    }

    /** The JSON array a GET answers; anything but 200 (a view still restoring answers 503) is an exception. */
    private List<JsonNode> list(String url, String token) {
        HttpResponse<String> response = get(url, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + URI.create(url).getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(response.body()).forEach(items::add);
        return items;
    }

    private HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String poc(String state) {
        return token("poc-" + state, Role.POC, state);
    }

    private String token(String caller, Role role, String state) {
        return tokens.computeIfAbsent(caller, ignored -> issuer.token(role, state));
    }
}
