package org.entente.trust;

import org.entente.testing.ApiDocumentation;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

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
        ApiDocumentation.assertDescribesEveryEndpoint(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build(), context);
    }
}
