package dev.orderflow.common.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads enum, integer and boolean parameters strictly ({@code ?status=CAPTURED}, {@code ?page=2},
 * {@code ?lowStock=true}): a value outside the enum, anything but an integer (a blank, a fraction, a word), or
 * anything but {@code true} or {@code false} is a 400 that names the parameter, where JAX-RS would answer 404 or take
 * a blank for the default and any word for false. A blank enum is no filter, as before.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(rawType, name(annotations));
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new IntegerConverter(name(annotations), rawType == int.class ? 0 : null);
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new BooleanConverter(name(annotations), rawType == boolean.class ? false : null);
        }
        return null;
    }

    /** An integer written as one: no blank, no fraction, no word; absent, the type's default. */
    private record IntegerConverter(String parameter, Integer absent) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return absent;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(parameter, "must be an integer");
            }
        }

        @Override
        public String toString(Integer value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * {@code true} or {@code false}, nothing else (the standard conversion takes any other word for false); absent,
     * the type's default.
     */
    private record BooleanConverter(String parameter, Boolean absent) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return absent;
            }
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.valueOf(value);
            }
            throw ProblemException.invalid(parameter, "must be true or false");
        }

        @Override
        public String toString(Boolean value) {
            return value == null ? null : value.toString();
        }
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String parameter) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.trim());
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalid(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }
}
