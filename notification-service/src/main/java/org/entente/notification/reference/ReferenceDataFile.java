package org.entente.notification.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.StateProfile;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.notification.reference.ReferenceDocuments.ReferenceData;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A reference-data YAML file (format: deploy/local/reference-data.yml), read and checked whole:
 * every bad entry of every section is reported, with its path, before anything is used.
 */
public record ReferenceDataFile(List<StateProfile> states, List<ContactChain> contacts, List<Agreement> agreements) {

    /**
     * The YAML parser's default limit is 3 MB; a UN-wide full mesh (193 states, 18,528 bilateral
     * agreements) takes about 19. The file is the operator's own, so the limit only stops a mistake.
     */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    /** Webhook addresses are checked against {@code addressPolicy}, as the API checks them. */
    public static ReferenceDataFile read(Path file, EventMetadataFactory metadata, WebhookAddressPolicy addressPolicy) {
        ReferenceData data = parse(file);
        List<FieldViolation> violations = new ArrayList<>();
        ReferenceDataFile mapped = new ReferenceDataFile(
                map(data.states(), "states", (d, p) -> ReferenceDataMapper.state(d, p, metadata.now(null)), violations),
                map(data.contacts(), "contacts",
                        (d, p) -> ReferenceDataMapper.contacts(d, p, metadata.now(null), addressPolicy), violations),
                map(data.agreements(), "agreements", (d, p) -> ReferenceDataMapper.agreement(d, p, metadata.now(null)), violations));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return mapped;
    }

    private static ReferenceData parse(Path file) {
        YAMLFactory large = YAMLFactory.builder().loadSettings(LoadSettings.builder().setCodePointLimit(MAX_CODE_POINTS).build()).build();
        YAMLMapper yaml = YAMLMapper.builder(large).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = Files.newInputStream(file)) {
            return yaml.readValue(in, ReferenceData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static <D, R> List<R> map(List<D> documents, String section, BiFunction<D, String, R> mapping,
            List<FieldViolation> violations) {
        List<R> mapped = new ArrayList<>();
        if (documents == null) {
            return mapped;
        }
        for (int i = 0; i < documents.size(); i++) {
            try {
                mapped.add(mapping.apply(documents.get(i), section + "[" + i + "]."));
            } catch (InvalidRequestException e) {
                violations.addAll(e.violations());
            }
        }
        return mapped;
    }
}
