package org.entente.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.entente.platform.caller.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service's OpenAPI 3 description at {@value #API_DOCS} and Swagger UI at {@value #SWAGGER_UI},
 * readable without a token (they describe the API, they reveal no data). Every operation needs a
 * bearer JWT from the configured issuer; examples come from {@code <application>-api-examples.json}
 * (see {@link ApiExamples}). Active in the services that declare springdoc.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsConfiguration {

    public static final String API_DOCS = "/v3/api-docs";
    public static final String SWAGGER_UI = "/swagger-ui.html";
    /** What springdoc serves: the description (JSON, YAML, per group), the UI page, its assets and configuration. */
    public static final String[] PUBLIC_PATHS = {API_DOCS, API_DOCS + "/**", API_DOCS + ".yaml", SWAGGER_UI, "/swagger-ui/**"};
    static final String BEARER = "bearer-jwt";

    static {
        // The caller comes from the token, never from the request: not a parameter to document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI ententeOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI()
                .info(new Info().title("Entente " + application).version("v1")
                        .description("Every call carries a signed JWT whose claims name the caller's state and roles. "
                                + "Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("From the configured OIDC issuer; in the embedded default, `deploy/local/token.sh poc EE`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    ApiExamples apiExamples(@Value("${spring.application.name}") String application, ResourceLoader resources) {
        return ApiExamples.load(resources.getResource("classpath:" + application + "-api-examples.json"));
    }

    /** Ahead of the services' chain, and only for the documentation's own paths. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PUBLIC_PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}
