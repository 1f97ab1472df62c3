package org.entente.platform.http;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;

/**
 * Hostile input: bodies over the size limit are refused before anything reads them, callers are
 * rate limited after they are authenticated, and JSON is strict (an unknown or duplicated field,
 * a null for a number, trailing content: 400).
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class HttpLimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimitsProperties limits) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Multipart parts are read by the container, past the filter's wrapper: the same limit, for every part and in all. */
    @Bean
    MultipartConfigElement multipartLimits(HttpLimitsProperties limits) {
        long maxBytes = limits.maxBodySize().toBytes();
        return new MultipartConfigElement(null, maxBytes, maxBytes, 0);
    }

    /** So are form parameters (application/x-www-form-urlencoded): Tomcat ignores a larger form body. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> formBodyLimit(HttpLimitsProperties limits) {
        int maxBytes = Math.toIntExact(limits.maxBodySize().toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(maxBytes));
    }

    @Bean
    FilterRegistrationBean<CallerRateLimitFilter> callerRateLimitFilter(HttpLimitsProperties limits) {
        FilterRegistrationBean<CallerRateLimitFilter> registration =
                new FilterRegistrationBean<>(new CallerRateLimitFilter(limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
