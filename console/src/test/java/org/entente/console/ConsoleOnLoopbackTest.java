package org.entente.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The embedded default's profile binds the console to loopback, and the pages know it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ConsoleApplication.CONFIG_NAME, "entente.console.local-issuer=target/test-issuer"})
@ActiveProfiles("local")
class ConsoleOnLoopbackTest {

    @LocalServerPort
    int port;

    @Value("${server.address}")
    String address;

    @Test
    void shouldListenOnLoopbackOnlyAndNotWarnThePages() {
        assertThat(address).isEqualTo("127.0.0.1");

        RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/config.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.listensBeyondLoopback").isEqualTo(false);
    }
}
