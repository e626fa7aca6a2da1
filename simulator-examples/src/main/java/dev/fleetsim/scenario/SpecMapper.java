package dev.fleetsim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.fleetsim.scenario.spec.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The Jackson configuration that binds a checked YAML tree to the spec records: unknown keys, duplicate keys,
 * nulls for primitives, numbers for enums and scalar coercions all fail; leaf types parse exactly as
 * {@link ScalarTypes} checks them (Durations, Quantity, decimal strings, enum keys).
 */
final class SpecMapper {

    private SpecMapper() {
    }

    static ObjectMapper create() {
        SimpleModule module = new SimpleModule("fleetsim-scenario");
        module.addDeserializer(Duration.class, textual(Duration.class, Durations::parse));
        module.addDeserializer(Instant.class, textual(Instant.class, ScalarTypes::instant));
        module.addDeserializer(BigDecimal.class, new DecimalDeserializer());
        module.addDeserializer(Quantity.class, new QuantityDeserializer());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new KeyedEnumDeserializer(type.getRawClass());
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Map)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    private static <T> StdDeserializer<T> textual(Class<T> type, Function<String, T> parse) {
        return new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                try {
                    return parse.apply(p.getText());
                } catch (IllegalArgumentException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, p.getText(), e.getMessage()));
                }
            }
        };
    }

    private static final class DecimalDeserializer extends StdDeserializer<BigDecimal> {
        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDecimalValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return ScalarTypes.decimal(p.getText());
                } catch (IllegalArgumentException e) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, p.getText(), e.getMessage());
                }
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }

    private static final class QuantityDeserializer extends StdDeserializer<Quantity> {
        QuantityDeserializer() {
            super(Quantity.class);
        }

        @Override
        public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return Quantity.of(p.getDecimalValue());
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Quantity.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    return (Quantity) ctxt.handleWeirdStringValue(Quantity.class, p.getText(), e.getMessage());
                }
            }
            return (Quantity) ctxt.handleUnexpectedToken(Quantity.class, p);
        }
    }

    /** Enums by their YAML key (see {@link EnumKeys}), never by ordinal or Java name. */
    private static final class KeyedEnumDeserializer extends StdDeserializer<Object> {
        private final Class<?> enumType;

        KeyedEnumDeserializer(Class<?> enumType) {
            super(enumType);
            this.enumType = enumType;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(enumType, p);
            }
            String text = p.getText();
            java.util.Optional<?> value = EnumKeys.parse((Class) enumType, text);
            if (value.isPresent()) {
                return value.get();
            }
            return ctxt.handleWeirdStringValue(enumType, text, "valid values: "
                    + String.join(", ", EnumKeys.keys(enumType)));
        }
    }
}
