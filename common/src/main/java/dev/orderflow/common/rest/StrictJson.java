package dev.orderflow.common.rest;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every service reads JSON exactly as its contract says, in this one place: no property the type does not have (a typo
 * is refused, naming it), no scalar turned into another ({@code "5"} is not a number, {@code 5} is not a text,
 * {@code "true"} is not a boolean), no fraction truncated into an integer, no null for a primitive, no number for an
 * enum, nothing after the value, and no control character or unpaired surrogate in a text. A refusal is a
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} with the field's path, which
 * {@link ProblemMapper} answers with a 400 naming the field.
 * <p>
 * Messages between the services are read with the same rules but two ({@link #forMessages}): a property the type does
 * not have is ignored (a newer producer may have added it), and a text is taken as the producer wrote it (it was
 * checked where it entered the system).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The attribute of a read that is a message's, not a request's. */
    private static final String MESSAGE = "orderflow.message";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        mapper.registerModule(new SimpleModule("orderflow-strict-text").addDeserializer(String.class, new PlainText()));
    }

    /** A value of this type may not be written in any of these shapes: a string for a number, a number for a text... */
    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        MutableCoercionConfig coercions = mapper.coercionConfigFor(type);
        for (CoercionInputShape shape : shapes) {
            coercions.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** The reader of messages: the mapper's rules but for unknown properties and plain text (see above). */
    public static ObjectReader forMessages(ObjectMapper mapper) {
        return mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).withAttribute(MESSAGE, Boolean.TRUE);
    }

    /** Where a text is not plain: the index of its first control character or unpaired surrogate, or -1. */
    static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A text as the standard deserializer reads it (coercion rules included), refused if it is not plain. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            int at = text == null || ctxt.getAttribute(MESSAGE) != null ? -1 : firstForbidden(text);
            if (at >= 0) {
                throw InvalidFormatException.from(p,
                        "contains a control character or an unpaired surrogate at position " + at, text, String.class);
            }
            return text;
        }
    }
}
