package dev.cskit.examples.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the copied fixtures from the test class path and the SHA-256 lists beside them. */
public final class TestFiles {

    private static final Pattern HASH_LINE = Pattern.compile("^([0-9a-f]{64})\\s+(\\S+)$",
            Pattern.MULTILINE);

    private TestFiles() {
    }

    /** Returns the bytes of a class path resource, such as {@code /adapters/stripe/x.json}. */
    public static byte[] bytes(String resource) {
        try (InputStream in = TestFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a class path resource as UTF-8 text. */
    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** Returns the SHA-256 of some bytes, as lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the {@code hash  name} lines of a text as a map from name to hash. */
    public static Map<String, String> hashes(String text) {
        Map<String, String> hashes = new HashMap<>();
        Matcher line = HASH_LINE.matcher(text);
        while (line.find()) {
            hashes.put(line.group(2), line.group(1));
        }
        return hashes;
    }

    /**
     * Returns the shared data catalogue ({@code ../shared/data/README.md} beside the project
     * root), when this checkout has one.
     */
    public static Optional<String> sharedDataReadme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("cs-core"))) {
            dir = dir.getParent();
        }
        if (dir == null || dir.getParent() == null) {
            return Optional.empty();
        }
        Path readme = dir.getParent().resolve("shared").resolve("data").resolve("README.md");
        try {
            return Files.isRegularFile(readme)
                    ? Optional.of(Files.readString(readme)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
