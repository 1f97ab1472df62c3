package org.entente.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(16);

    @Test
    void shouldRefuseABodyWithoutDeclaredLengthPastTheLimitWhenReadAsCharacters() throws Exception {
        // Given a chunked body (no Content-Length) of 17 bytes
        MockHttpServletRequest request = chunked("{\"title\":\"12345\"}");

        // When the handler reads it as characters
        HttpServletRequest seen = passedOn(request);

        // Then reading fails past the limit, as it does for bytes
        assertThatThrownBy(() -> seen.getReader().read(new char[64])).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void shouldPassABodyWithinTheLimitReadAsCharacters() throws Exception {
        MockHttpServletRequest request = chunked("{\"title\":\"é\"}");
        request.setCharacterEncoding("UTF-8");

        assertThat(passedOn(request).getReader().readLine()).isEqualTo("{\"title\":\"é\"}");
    }

    @Test
    void shouldGiveMultipartPartsTheSameLimit() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HttpLimitsConfiguration.class))
                .withPropertyValues("entente.http.max-body-size=1KB")
                .run(context -> {
                    MultipartConfigElement multipart = context.getBean(MultipartConfigElement.class);
                    assertThat(multipart.getMaxRequestSize()).isEqualTo(1024);
                    assertThat(multipart.getMaxFileSize()).isEqualTo(1024);
                });
    }

    private HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (wrapped, response) -> seen.set((HttpServletRequest) wrapped));
        return seen.get();
    }

    /** A request whose body has no declared length, as a chunked one. */
    private static MockHttpServletRequest chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new MockHttpServletRequest("POST", "/api/v1/incidents") {
            @Override
            public ServletInputStream getInputStream() {
                InputStream in = new ByteArrayInputStream(bytes);
                return new DelegatingServletInputStream(in);
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }
}
