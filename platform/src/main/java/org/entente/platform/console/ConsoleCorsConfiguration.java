package org.entente.platform.console;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Lets the console, served from another origin, call the API with a bearer token. Spring Security
 * applies a {@link UrlBasedCorsConfigurationSource} bean to every filter chain, so a preflight is
 * answered before authentication. No cookies are involved: credentials stay off.
 */
@AutoConfiguration
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleCorsConfiguration {

    @Bean
    UrlBasedCorsConfigurationSource corsConfigurationSource(ConsoleProperties console) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(console.origins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Idempotency-Key"));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
