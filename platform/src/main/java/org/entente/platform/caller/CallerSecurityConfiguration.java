package org.entente.platform.caller;

import java.io.IOException;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.entente.platform.problem.ProblemResponses;
import org.entente.platform.states.KnownStates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint but the probes (and the actuator, on its management port) is an OAuth2 resource
 * server: a signed JWT for this deployment's audience whose claims say the caller's state and
 * roles (see {@link CallerAuthenticationConverter}), verified once per token until it expires
 * ({@link VerifiedTokens}).
 * Tokens come from any OIDC issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri})
 * or, in the embedded default, from the {@link LocalIssuer}'s key set. Refusals are problem
 * details: 401 without a valid token, 403 for the wrong role and for a valid token whose
 * {@code state} claim is not a registered state ({@link CallerStateFilter}, where the service
 * knows the states). Role checks sit on controller methods ({@code @PreAuthorize}); state checks
 * are object-level, in each service.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableMethodSecurity
@EnableConfigurationProperties(LocalIssuerProperties.class)
public class CallerSecurityConfiguration {

    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    /**
     * The local issuer's keys; without them Boot's decoder for the configured issuer-uri applies,
     * which checks the same audiences.
     */
    @Bean
    @ConditionalOnProperty("entente.security.local-issuer.public-keys")
    JwtDecoder localIssuerJwtDecoder(LocalIssuerProperties properties, Environment environment)
            throws IOException, ParseException {
        return localIssuerDecoder(JWKSet.load(properties.publicKeys().toFile()), audiences(environment));
    }

    /** Verifies the local issuer's tokens: signature, expiry, issuer, and one of {@code audiences}. */
    static NimbusJwtDecoder localIssuerDecoder(JWKSet keys, List<String> audiences) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys)).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(LocalIssuer.ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && !Collections.disjoint(audience, audiences))));
        return decoder;
    }

    /** A deployment without an audience would take any token its issuer signs, whatever it was minted for. */
    private static List<String> audiences(Environment environment) {
        List<String> audiences = Binder.get(environment).bind(AUDIENCES, Bindable.listOf(String.class)).orElse(List.of());
        if (audiences.isEmpty()) {
            throw new IllegalStateException(AUDIENCES + " must name the audience of this deployment's tokens");
        }
        return audiences;
    }

    @Bean
    SecurityFilterChain ententeSecurityFilterChain(HttpSecurity http, JwtDecoder tokenVerifier, ObjectProvider<KnownStates> knownStates)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // The actuator answers on the management port only (entente-observability.yml).
                        .requestMatchers("/livez", "/readyz", "/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(new VerifiedTokens(tokenVerifier))
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
                        }))
                .addFilterAfter(new CallerStateFilter(knownStates), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> ProblemResponses
                        .write(response, HttpStatus.FORBIDDEN, "Your role may not do this.")))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults())
                .build();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
