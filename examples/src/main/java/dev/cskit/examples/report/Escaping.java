package dev.cskit.examples.report;

/**
 * Makes text safe to write into the report: as HTML text or attribute values, and as JSON
 * inside a {@code <script>} element. Values come from imported files (customer names from a
 * CRM export), so nothing is written unescaped.
 */
final class Escaping {

    private Escaping() {
    }

    /**
     * Escapes text for HTML element content and quoted attribute values.
     *
     * @param text any text
     * @return the text with {@code & < > " '} replaced by character references
     */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes JSON text safe inside a {@code <script>} element: {@code <}, {@code >} and
     * {@code &} become JSON unicode escapes, so no {@code </script>} or {@code <!--} can
     * appear, and U+2028 and U+2029 are escaped for older JavaScript parsers. Outside JSON
     * strings these characters cannot occur, so the result parses to the same value.
     *
     * @param json valid JSON text
     * @return the same JSON value, safe to embed
     */
    static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
