package org.entente.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.JWKSet;

import org.entente.platform.caller.LocalIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console with the embedded default's local issuer: pages, their configuration, and sample sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ConsoleApplication.CONFIG_NAME, "entente.console.local-issuer=target/test-issuer"})
@AutoConfigureMockMvc
class ConsoleApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    RestTestClient http() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void shouldServeThePagesUnderAContentSecurityPolicyLimitedToTheServices() {
        http().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; "
                        + "connect-src 'self' http://127.0.0.1:8081 http://127.0.0.1:8082 http://127.0.0.1:8083; img-src 'self' data:; "
                        + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                .expectBody(String.class).value(page -> assertThat(page).contains("<script type=\"module\" src=\"js/app.js\">"));
        http().get().uri("/js/pages/inbox.js").exchange().expectStatus().isOk();
    }

    @Test
    void shouldAnswerTheProbesRunShWaitsFor() {
        http().get().uri("/readyz").exchange().expectStatus().isOk();
        http().get().uri("/livez").exchange().expectStatus().isOk();
    }

    @Test
    void shouldTellThePagesWhereTheServicesAreThatSampleSignInIsOfferedAndThatItListensOnEveryInterface() {
        http().get().uri("/config.json").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"services": {"incident": "http://127.0.0.1:8081", "notification": "http://127.0.0.1:8082",
                                      "trust": "http://127.0.0.1:8083"},
                         "sampleSignIn": true, "oidcIssuer": null, "listensBeyondLoopback": true}""");
    }

    @Test
    void shouldMintASamplePocTokenTheLocalIssuersKeysVerify() throws Exception {
        Map<?, ?> answer = http().post().uri("/sign-in/sample").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", "poc", "state", "ee")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        JWKSet keys = JWKSet.load(Files.newInputStream(Path.of("target/test-issuer").resolve(LocalIssuer.PUBLIC_KEYS)));
        Jwt token = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys)).build().decode((String) answer.get("token"));
        assertThat(token.getClaimAsString("iss")).isEqualTo(LocalIssuer.ISSUER);
        assertThat(token.getClaimAsString("state")).isEqualTo("EE");
        assertThat(token.getClaimAsStringList("roles")).isEqualTo(List.of("poc"));
    }

    @Test
    void shouldRefuseSampleSignInToACallerFromTheNetwork() throws Exception {
        for (String remote : List.of("192.0.2.7", "10.0.0.2", "2001:db8::1")) {
            mvc.perform(post("/sign-in/sample").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"role\": \"coordinator\"}")
                            .with(request -> {
                                request.setRemoteAddr(remote);
                                return request;
                            }))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.token").doesNotExist())
                    .andExpect(jsonPath("$.detail").value("Sample sign-in is offered on this machine only (127.0.0.1)."));
        }
        mvc.perform(post("/sign-in/sample").contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"coordinator\"}")
                        .with(request -> {
                            request.setRemoteAddr("::1");
                            return request;
                        }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString());
    }

    @Test
    void shouldRefuseASamplePocWithoutAStateAndAnUnknownRole() {
        http().post().uri("/sign-in/sample").contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "poc")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("state"));
        http().post().uri("/sign-in/sample").contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "admin")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("role"));
    }
}
