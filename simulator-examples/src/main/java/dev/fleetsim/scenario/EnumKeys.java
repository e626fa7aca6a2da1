package dev.fleetsim.scenario;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How enum constants are spelt in YAML: by the constant's {@code key()} method when the enum has one (the
 * convention of fleetsim's enums: {@code on-demand}, {@code linux}, {@code x86_64}), otherwise its name in
 * lower case with dashes.
 */
public final class EnumKeys {

    private EnumKeys() {
    }

    public static String key(Enum<?> constant) {
        Method key = keyMethod(constant.getDeclaringClass());
        if (key != null) {
            try {
                return (String) key.invoke(constant);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read key() of " + constant, e);
            }
        }
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> keys(Class<?> enumType) {
        List<String> keys = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            keys.add(key((Enum<?>) c));
        }
        return keys;
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> enumType, String text) {
        for (E c : enumType.getEnumConstants()) {
            if (key(c).equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Method keyMethod(Class<?> type) {
        try {
            Method m = type.getMethod("key");
            return m.getReturnType() == String.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
