package org.entente.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.entente.console.ConsoleApplication;
import org.entente.incident.IncidentServiceApplication;
import org.entente.notification.NotificationServiceApplication;
import org.entente.platform.states.KnownStates;
import org.entente.testing.KafkaBrokerExtension;
import org.entente.testing.MutableClock;
import org.entente.testing.ReferenceStates;
import org.entente.testing.TestTokens;
import org.entente.trust.TrustServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The three services, started once per test JVM against the shared test broker, each with its own
 * configuration and the embedded default's callers, sharing one clock that tests move; and the
 * console, whose origin the services allow and whose sample sign-in uses the test issuer. Every
 * end-to-end test class uses this one set, so the services start once.
 */
record RunningServices(ConfigurableApplicationContext incidents, ConfigurableApplicationContext notifications,
        ConfigurableApplicationContext trust, ConfigurableApplicationContext console) {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static final Duration WAIT = Duration.ofSeconds(45);
    /** The states of reference-data-e2e.yml, which the tests' callers act for. */
    static final List<String> E2E_STATES = List.of("EE", "FI", "LV", "LT", "SE");

    private static RunningServices instance;

    static synchronized RunningServices get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    static RestTestClient client(ConfigurableApplicationContext service) {
        return clientOn(service, "local.server.port");
    }

    /** The actuator's port, where the metrics are: they are not on the API port. */
    static RestTestClient managementClient(ConfigurableApplicationContext service) {
        return clientOn(service, "local.management.port");
    }

    private static RestTestClient clientOn(ConfigurableApplicationContext service, String portProperty) {
        return RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + service.getEnvironment().getProperty(portProperty))
                .build();
    }

    /** The caller's state's open communication check as notification-service shows it, or {@code null} while none is. */
    Map<?, ?> openCommunicationCheckOf(String caller) {
        List<?> checks = client(notifications()).get().uri("/api/v1/communication-checks")
                .header("Authorization", TestTokens.bearer(caller)).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return checks.stream().map(check -> (Map<?, ?>) check).filter(check -> "open".equals(check.get("status")))
                .findFirst().orElse(null);
    }

    /** The console's base URL, as a browser opens it. */
    String consoleUrl() {
        return baseUrl(console);
    }

    private static String baseUrl(ConfigurableApplicationContext application) {
        return "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
    }

    private static RunningServices start() {
        KafkaBrokerExtension.pointSpringAtTestBroker();
        Path stateDir = temporaryDirectory();
        int consolePort = freePort();
        String consoleOrigin = "entente.console.origins=http://127.0.0.1:" + consolePort;
        ConfigurableApplicationContext incidents = start(IncidentServiceApplication.class, IncidentServiceApplication.CONFIG_NAME,
                stateDir, consoleOrigin);
        ConfigurableApplicationContext notifications = start(NotificationServiceApplication.class,
                NotificationServiceApplication.CONFIG_NAME, stateDir, consoleOrigin,
                "entente.reference-data.file=src/test/resources/reference-data-e2e.yml",
                "entente.deadlines.check-interval=200ms",
                "entente.deadlines.settle=500ms");
        ConfigurableApplicationContext trust = start(TrustServiceApplication.class, TrustServiceApplication.CONFIG_NAME, stateDir,
                consoleOrigin);
        // Arguments, not default properties: those would lose to console.yml's port.
        ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .properties(ConsoleApplication.CONFIG_NAME)
                .run("--server.port=" + consolePort,
                        "--entente.console.services.incident=" + baseUrl(incidents),
                        "--entente.console.services.notification=" + baseUrl(notifications),
                        "--entente.console.services.trust=" + baseUrl(trust),
                        // The directory of the test issuer's keys, which the services trust (KafkaBrokerExtension).
                        "--entente.console.local-issuer="
                                + Path.of(System.getProperty("entente.security.local-issuer.public-keys")).getParent());
        RunningServices services = new RunningServices(incidents, notifications, trust, console);
        for (ConfigurableApplicationContext service : services.all()) {
            await().atMost(WAIT).untilAsserted(() -> client(service).get().uri("/readyz").exchange()
                    .expectStatus().isOk());
            // The states notification-service seeds reach the others' tables a moment after it is ready.
            ReferenceStates.awaitKnown(service.getBean(KnownStates.class), E2E_STATES);
        }
        return services;
    }

    /** The three services (the console serves pages and has no metrics of its own). */
    List<ConfigurableApplicationContext> all() {
        return List.of(incidents, notifications, trust);
    }

    private void stop() {
        console.close();
        all().forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext start(Class<?> application, String configName, Path stateDir,
            String... properties) {
        return new SpringApplicationBuilder(application)
                .profiles("local")
                .properties(configName,
                        "spring.cloud.stream.kafka.streams.binder.configuration.commit.interval.ms=100",
                        "spring.cloud.stream.kafka.streams.binder.configuration.statestore.cache.max.bytes=0",
                        "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir.resolve(application.getSimpleName()),
                        "entente.topics.partitions=2",
                        "entente.trust.metrics.refresh-interval=1s")
                .properties(properties)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", CLOCK))
                // Arguments, not default properties, which would lose to the service's own ports and
                // clash with a running deploy/local/run.sh.
                .run("--server.port=0", "--management.server.port=0");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("entente-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
