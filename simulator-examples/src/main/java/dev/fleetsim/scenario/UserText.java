package dev.fleetsim.scenario;

import java.util.Collection;
import java.util.Iterator;

/**
 * Makes text from a scenario file safe to print in a one-line message: control and format characters are
 * escaped (a key or value holding a newline or a terminal escape sequence must neither split a problem line
 * nor act on the terminal), and long text is shortened (a 9 MB value, or a 200,000-character scalar repeated
 * by 40,000 aliases, must not be copied into every message).
 */
public final class UserText {

    /** How much of a quoted value a message shows. */
    static final int QUOTED_CHARS = 80;
    /** How many names a "valid values: ..." list shows. */
    static final int LISTED_ITEMS = 20;

    private UserText() {
    }

    /** {@code 'text'}, shortened and printable. */
    public static String quote(String text) {
        return "'" + printable(abbreviate(text, QUOTED_CHARS)) + "'";
    }

    /** The first {@code max} characters and the full length, e.g. {@code rrrr... (9000000 characters)}. */
    public static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "... (" + text.length() + " characters)";
    }

    /**
     * Escapes control characters ({@code \n}, {@code \t}, {@code \r}, others as {@code \}{@code uXXXX}),
     * format characters (bidirectional overrides, zero-width characters), line and paragraph separators and
     * unpaired surrogates; everything else, including other non-ASCII text, is kept.
     */
    public static String printable(String text) {
        int i = 0;
        while (i < text.length() && !escaped(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(text, i)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }

    /** {@code a, b, c}, or the first {@link #LISTED_ITEMS} and how many more. */
    static String list(Collection<String> items) {
        StringBuilder b = new StringBuilder();
        Iterator<String> it = items.iterator();
        for (int i = 0; it.hasNext(); i++) {
            String item = String.valueOf(it.next());
            if (i == LISTED_ITEMS) {
                return b.append(" and ").append(items.size() - LISTED_ITEMS).append(" more").toString();
            }
            b.append(i == 0 ? "" : ", ").append(printable(abbreviate(item, QUOTED_CHARS)));
        }
        return b.toString();
    }

    private static boolean escaped(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
