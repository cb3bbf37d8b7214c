package dev.cskit.core.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The import test fixtures in {@code src/test/resources/imports}. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"),
            ZoneOffset.UTC);

    private Fixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportMapping mapping(String name) {
        return ImportMapping.read(file(name));
    }

    static ImportMapping yaml(String text) {
        return ImportMapping.read(new java.io.ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
