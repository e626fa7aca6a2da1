package dev.fleetsim.scenario;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Jackson binding failure into an {@link Issue} with the YAML path and a hint, never a stack trace.
 * {@link SchemaChecker} runs first and normally leaves nothing for Jackson to reject; this is the backstop.
 */
final class JacksonIssues {

    private JacksonIssues() {
    }

    static Issue toIssue(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
            List<String> known = new ArrayList<>();
            for (Object id : u.getKnownPropertyIds()) {
                known.add(String.valueOf(id));
            }
            return new Issue(path, "unknown key", DidYouMean.hint(u.getPropertyName(), known, "valid keys"));
        }
        if (e instanceof InvalidFormatException) {
            InvalidFormatException f = (InvalidFormatException) e;
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return new Issue(path, UserText.quote(String.valueOf(f.getValue())) + " is not a valid value",
                        DidYouMean.hint(String.valueOf(f.getValue()), EnumKeys.keys(target), "valid values"));
            }
            return new Issue(path, UserText.quote(String.valueOf(f.getValue())) + " is not a valid "
                    + simpleName(target),
                    firstLine(e.getOriginalMessage()));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new Issue(path, firstLine(e.getCause().getMessage()), "");
        }
        if (e instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            return new Issue(path, "expected " + describe(target), firstLine(e.getOriginalMessage()));
        }
        return new Issue(path, firstLine(e.getOriginalMessage()), "");
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "a different kind of value";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (target.isRecord() || java.util.Map.class.isAssignableFrom(target)) {
            return "a mapping";
        }
        return "a value of type " + simpleName(target);
    }

    private static String simpleName(Class<?> c) {
        return c == null ? "value" : c.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
