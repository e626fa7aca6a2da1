package dev.fleetsim.report;

/** Escaping for text and attribute values in the HTML report (which is also well-formed XML). */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        s.append(' '); // control characters are not allowed in XML 1.0
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
