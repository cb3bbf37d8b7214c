package dev.cskit.core.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text input as imports read it: UTF-8, a leading byte order mark dropped, bad bytes refused. */
public final class TextInput {

    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private TextInput() {
    }

    /**
     * Returns a reader of UTF-8 text that skips a leading byte order mark and fails with a
     * {@link java.nio.charset.CharacterCodingException} on bytes that are not UTF-8, instead of
     * replacing them.
     *
     * @param in the bytes; closed with the reader
     * @return the reader
     * @throws IOException if the first bytes cannot be read
     */
    public static Reader utf8(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, BOM.length);
        byte[] head = new byte[BOM.length];
        int read = pushback.readNBytes(head, 0, BOM.length);
        boolean bom = read == BOM.length;
        for (int i = 0; bom && i < BOM.length; i++) {
            bom = (head[i] & 0xFF) == BOM[i];
        }
        if (!bom && read > 0) {
            pushback.unread(head, 0, read);
        }
        return new InputStreamReader(pushback, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
