package org.entente.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.entente.testing.ApiDocumentation;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description is public and covers every endpoint, with examples. Shares the integration test's context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TrustServiceApplication.CONFIG_NAME)
@ActiveProfiles("test")
@WithKafkaBroker
@AutoConfigureRestTestClient
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void shouldServeAnOpenApiDescriptionOfEveryEndpointWithoutAToken() {
        ApiDocumentation.assertDescribesEveryEndpoint(client(), context);
    }

    @Test
    void shouldSayHowPreciseThePercentilesAreAndHowThe30DayWindowCounts() {
        JsonNode description = JsonMapper.builder().build().readTree(client().get().uri("/v3/api-docs")
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        List<String> windows = new ArrayList<>();
        description.path("paths").forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(parameter -> {
            if (parameter.path("name").asString().equals("window")) {
                windows.add(parameter.path("description").asString());
            }
        })));

        assertThat(description.at("/components/schemas/Figures/description").asString()).contains("within 0.1%");
        assertThat(windows).hasSize(6).allSatisfy(window -> assertThat(window).contains("30d: by UTC day of issue"));
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
