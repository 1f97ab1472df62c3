package org.entente.console;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** With an external OIDC issuer there is no sample sign-in, and the two cannot be configured together. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ConsoleApplication.CONFIG_NAME, "entente.console.oidc-issuer=https://id.example.org/realms/entente"})
class ConsoleWithOidcIssuerTest {

    @LocalServerPort
    int port;

    @Test
    void shouldOfferNoSampleSignIn() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        http.get().uri("/config.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sampleSignIn").isEqualTo(false)
                .jsonPath("$.oidcIssuer").isEqualTo("https://id.example.org/realms/entente");
        http.post().uri("/sign-in/sample").contentType(MediaType.APPLICATION_JSON).body("{\"role\": \"poc\", \"state\": \"EE\"}")
                .exchange().expectStatus().is4xxClientError();
    }

    @Test
    void shouldRefuseALocalIssuerBesideAnOidcIssuer() {
        assertThatThrownBy(() -> new ConsoleSettings(null, Path.of(".entente/local-issuer"), URI.create("https://id.example.org")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exclude each other");
    }
}
