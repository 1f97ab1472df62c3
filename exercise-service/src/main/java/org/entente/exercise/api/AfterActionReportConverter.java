package org.entente.exercise.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.HtmlReport;
import org.entente.exercise.report.JsonReport;
import org.entente.exercise.report.MarkdownReport;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes an after-action report in the representation the client accepts: JSON (the same bytes as
 * the command line's report.json), Markdown or HTML. As a converter bean it comes ahead of
 * Jackson, which would write the report's JSON its own way.
 */
class AfterActionReportConverter extends AbstractHttpMessageConverter<AfterActionReport> {

    private static final Map<MediaType, Function<AfterActionReport, String>> RENDERINGS = Map.of(
            MediaType.APPLICATION_JSON, JsonReport::render,
            MediaType.TEXT_MARKDOWN, MarkdownReport::render,
            MediaType.TEXT_HTML, HtmlReport::render);

    AfterActionReportConverter() {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, MediaType.TEXT_MARKDOWN, MediaType.TEXT_HTML);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return AfterActionReport.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected AfterActionReport readInternal(Class<? extends AfterActionReport> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("An after-action report is never read", input);
    }

    @Override
    protected void writeInternal(AfterActionReport report, HttpOutputMessage output) throws IOException {
        MediaType negotiated = output.getHeaders().getContentType();
        String rendered = RENDERINGS.get(new MediaType(negotiated.getType(), negotiated.getSubtype())).apply(report);
        output.getBody().write(rendered.getBytes(StandardCharsets.UTF_8));
    }
}
