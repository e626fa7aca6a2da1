package dev.fleetsim.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reader: comma-separated fields, optional double quotes around a field, "" for a
 * quote inside one, and commas or line breaks inside quotes. Accepts \n and \r\n line ends.
 */
final class CsvReader {
    private final String text;
    private int pos;
    private int line = 1;

    CsvReader(String text) {
        this.text = text;
    }

    /** Line number (1-based) where the next record starts. */
    int line() {
        return line;
    }

    /** The next record, or null at the end of the text. Blank lines are skipped. */
    List<String> next() {
        while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
        if (pos >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>(24);
        StringBuilder field = new StringBuilder();
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field starting on line " + startLine);
                    }
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                }
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    throw new IllegalArgumentException("quote inside an unquoted field on line " + line);
                }
                field.append(c);
                pos++;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (pos >= text.length()) {
                return fields;
            }
            char c = text.charAt(pos++);
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                c = text.charAt(pos++);
            }
            if (c == '\n' || c == '\r') {
                line++;
                return fields;
            }
        }
    }
}
