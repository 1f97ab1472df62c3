package org.entente.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service's actuator on its management port, where metrics and health details are; its API port
 * answers only {@code /livez} and {@code /readyz}, with the status alone.
 */
public final class ManagementPort {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int apiPort;
    private final int managementPort;

    public ManagementPort(int apiPort, int managementPort) {
        this.apiPort = apiPort;
        this.managementPort = managementPort;
    }

    /** The Prometheus scrape, text format; fails unless it answers 200. */
    public String scrape() {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new AssertionError("The scrape on the management port answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Fails unless the API port hides the actuator (metrics, health details) and answers the
     * probes with the status alone, and the management port serves the metrics.
     */
    public void assertActuatorOnlyOnManagementPort() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness"}) {
            int status = get(apiPort, path).statusCode();
            if (status != 404) {
                throw new AssertionError("GET " + path + " on the API port answered " + status + ", not 404");
            }
        }
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> response = get(apiPort, probe);
            if (response.statusCode() != 200 || !response.body().equals("{\"status\":\"UP\"}")) {
                throw new AssertionError("GET " + probe + " on the API port answered " + response.statusCode() + " "
                        + response.body() + ", not 200 with the status alone");
            }
        }
        if (!scrape().contains("jvm_memory_used_bytes")) {
            throw new AssertionError("The management port's scrape has no JVM metrics");
        }
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " on port " + port + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
