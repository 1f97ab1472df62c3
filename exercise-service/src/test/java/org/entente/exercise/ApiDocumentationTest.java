package org.entente.exercise;

import org.entente.testing.ApiDocumentation;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The OpenAPI description is public and covers every endpoint, with examples. Shares the matrix test's context. */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = ExerciseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ExerciseServiceApplication.CONFIG_NAME)
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
