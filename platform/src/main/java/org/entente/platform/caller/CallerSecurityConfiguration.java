package org.entente.platform.caller;

import java.util.List;

import org.entente.platform.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint but health, info and Prometheus needs a bearer token. Refusals are problem
 * details: 401 without a valid token, 403 for the wrong role. Role checks sit on controller
 * methods ({@code @PreAuthorize}); state checks are object-level, in each service.
 */
@AutoConfiguration
@EnableMethodSecurity
@EnableConfigurationProperties(CallerProperties.class)
public class CallerSecurityConfiguration {

    @Bean
    SecurityFilterChain ententeSecurityFilterChain(HttpSecurity http, CallerProperties callers) throws Exception {
        StaticTokenIntrospector introspector = new StaticTokenIntrospector(callers);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
                        }))
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
