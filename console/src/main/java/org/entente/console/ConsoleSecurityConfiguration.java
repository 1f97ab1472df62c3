package org.entente.console;

import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's pages are public (they hold no data: the services check every call), served with
 * a content security policy that lets them run only their own scripts and talk only to the console
 * and the three services. No cookies, no sessions: the token lives in the tab's session storage.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ConsoleSettings settings) throws Exception {
        String services = Stream.of(settings.services().incident(), settings.services().notification(), settings.services().trust())
                .map(ConsoleSecurityConfiguration::origin).distinct().collect(Collectors.joining(" "));
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; connect-src 'self' " + services + "; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")))
                .build();
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
