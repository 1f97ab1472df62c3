package org.entente.platform.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
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
