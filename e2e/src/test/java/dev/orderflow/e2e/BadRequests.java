package dev.orderflow.e2e;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Malformed requests for every write endpoint and list filter of the five services, generated from what each field
 * of a valid request is: every field made each kind of wrong its kind allows (another JSON type, a coercible scalar,
 * a fraction, control characters, out of its bounds, missing, null, an unknown neighbour), and every body made
 * structurally wrong (not JSON, trailing content, deep, huge, broken UTF-8, the wrong content type).
 */
final class BadRequests {

    /** One request: what it is, where it goes, and its raw body. */
    record Request(String label, String method, String url, String contentType, byte[] body) {
    }

    /** What a field of a request is, which decides how it can be wrong. */
    enum Kind {
        TEXT,
        OPTIONAL_TEXT,
        EMAIL,
        SKU,
        CODE,
        INTEGER,
        OPTIONAL_INTEGER,
        DECIMAL,
        ENUM,
        OBJECT,
        LIST
    }

    /** A field: its kind, the size or bounds a valid value keeps within, and the valid value the base request has. */
    record Field(String name, Kind kind, long max, Object valid) {
    }

    /** Writes every non-ASCII character as an escape, so that an unpaired surrogate reaches the server as one. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final List<Object> NOT_TEXT = List.of(0, -1, 1.5, true, false, List.of(), Map.of(), List.of("a"),
            Map.of("a", 1));
    private static final List<String> NOT_PLAIN = List.of("a\u0000b", "a\u0007b", "line\nbreak", "tab\there", "\u001b[31mred",
            "a\u007fb", "a\u0085b", "a\ud800b", "b\udc00a");

    private final List<Request> requests = new ArrayList<>();
    private final List<Request> unknownTargets = new ArrayList<>();

    /** The malformed requests. */
    List<Request> all() {
        return requests;
    }

    /** Well-formed requests to what does not exist: looked up (a conditional update may be tried), never stored. */
    List<Request> unknownTargets() {
        return unknownTargets;
    }

    /** Every way of getting one body's fields wrong, and the body itself, for one endpoint. */
    BadRequests body(String method, String url, Map<String, Object> valid, List<Field> fields,
            Map<String, List<Field>> nested) {
        for (Field field : fields) {
            for (Object wrong : wrongValues(field)) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field.name(), wrong);
                add(method + " " + path(url) + " " + field.name() + "=" + shorten(wrong), method, url, body);
            }
            if (isRequired(field)) {
                Map<String, Object> without = new LinkedHashMap<>(valid);
                without.remove(field.name());
                add(method + " " + path(url) + " without " + field.name(), method, url, without);
            }
            List<Field> inner = nested.get(field.name());
            if (inner != null) {
                for (Field innerField : inner) {
                    for (Object wrong : wrongValues(innerField)) {
                        add(method + " " + path(url) + " " + field.name() + "." + innerField.name() + "=" + shorten(wrong),
                                method, url, withInner(valid, field, innerField.name(), wrong, false));
                    }
                    if (isRequired(innerField)) {
                        add(method + " " + path(url) + " " + field.name() + " without " + innerField.name(), method, url,
                                withInner(valid, field, innerField.name(), null, true));
                    }
                }
                add(method + " " + path(url) + " " + field.name() + " with an unknown property", method, url,
                        withInner(valid, field, "surprise", "x", false));
            }
        }
        Map<String, Object> unknown = new LinkedHashMap<>(valid);
        unknown.put("surprise", "x");
        add(method + " " + path(url) + " with an unknown property", method, url, unknown);
        structural(method, url, valid);
        return this;
    }

    /** Every way of abusing a list's query parameters. */
    BadRequests list(String url, Map<String, List<String>> abuse) {
        abuse.forEach((parameter, values) -> values.forEach(value -> requests.add(new Request(
                "GET " + path(url) + "?" + parameter + "=" + shorten(value), "GET",
                url + "?" + parameter + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8), null, null))));
        return this;
    }

    /** Requests to things that do not exist, or cannot be named so: each a 404 (or 400), never a change. */
    BadRequests unknown(String method, List<String> urls, String json) {
        urls.forEach(url -> unknownTargets.add(new Request(method + " " + path(url) + " on an unknown target", method, url,
                json == null ? null : "application/json", json == null ? null : bytes(json))));
        return this;
    }

    /** The query abuse every paged list shares. */
    static Map<String, List<String>> paging() {
        Map<String, List<String>> abuse = new LinkedHashMap<>();
        abuse.put("page", List.of("-1", "abc", "1.5", "100001", "99999999999", ""));
        abuse.put("size", List.of("0", "-5", "101", "abc", "2.5", "99999999999"));
        return abuse;
    }

    private void structural(String method, String url, Map<String, Object> valid) {
        String json = write(valid);
        raw(method, url, "empty body", "application/json", new byte[0]);
        raw(method, url, "null", "application/json", bytes("null"));
        raw(method, url, "an array", "application/json", bytes("[]"));
        raw(method, url, "a number", "application/json", bytes("42"));
        raw(method, url, "a text", "application/json", bytes("\"order\""));
        raw(method, url, "cut short", "application/json", bytes(json.substring(0, json.length() / 2)));
        raw(method, url, "trailing garbage", "application/json", bytes(json + "garbage"));
        raw(method, url, "two documents", "application/json", bytes(json + json));
        raw(method, url, "a trailing number", "application/json", bytes(json + " 1"));
        raw(method, url, "5,000 deep", "application/json", bytes("[".repeat(5000) + "]".repeat(5000)));
        raw(method, url, "5,000 deep objects", "application/json",
                bytes("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        raw(method, url, "2 MB", "application/json", bytes("{\"surprise\":\"" + "x".repeat(2_000_000) + "\"}"));
        byte[] broken = bytes(json.replaceFirst("\\{", "{\"surprise\":\"\u0001\","));
        broken[broken.length / 2] = (byte) 0xC3;
        raw(method, url, "broken UTF-8", "application/json", broken);
        raw(method, url, "invalid UTF-8 only", "application/json", new byte[] { '{', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' });
        raw(method, url, "as text/plain", "text/plain", bytes(json));
        raw(method, url, "as XML", "application/xml", bytes("<order/>"));
        raw(method, url, "as a form", "application/x-www-form-urlencoded", bytes("a=b"));
        raw(method, url, "without a content type", null, bytes(json));
    }

    private void raw(String method, String url, String what, String contentType, byte[] body) {
        requests.add(new Request(method + " " + path(url) + " " + what, method, url, contentType, body));
    }

    private void add(String label, String method, String url, Map<String, Object> body) {
        requests.add(new Request(label, method, url, "application/json", bytes(write(body))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withInner(Map<String, Object> valid, Field outer, String name, Object value,
            boolean remove) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        Function<Map<String, Object>, Map<String, Object>> change = inner -> {
            Map<String, Object> copy = new LinkedHashMap<>(inner);
            if (remove) {
                copy.remove(name);
            } else {
                copy.put(name, value);
            }
            return copy;
        };
        if (outer.kind() == Kind.LIST) {
            List<Object> items = new ArrayList<>((List<Object>) valid.get(outer.name()));
            items.set(0, change.apply((Map<String, Object>) items.get(0)));
            body.put(outer.name(), items);
        } else {
            body.put(outer.name(), change.apply((Map<String, Object>) valid.get(outer.name())));
        }
        return body;
    }

    private static boolean isRequired(Field field) {
        return field.kind() != Kind.OPTIONAL_TEXT && field.kind() != Kind.OPTIONAL_INTEGER;
    }

    /** The values that are wrong for a field of this kind, whatever else the request holds. */
    static List<Object> wrongValues(Field field) {
        List<Object> wrong = new ArrayList<>();
        switch (field.kind()) {
            case TEXT, OPTIONAL_TEXT, EMAIL, SKU, CODE -> {
                wrong.addAll(NOT_TEXT);
                wrong.addAll(NOT_PLAIN);
                wrong.add("x".repeat((int) field.max() + 1));
                if (field.kind() != Kind.OPTIONAL_TEXT) {
                    wrong.add("");
                    wrong.add("   ");
                    wrongNull(wrong);
                }
                switch (field.kind()) {
                    case EMAIL -> wrong.addAll(List.of("not-an-address", "a@", "@b.c"));
                    case SKU -> wrong.addAll(List.of("bad sku", "-leading", "ü-sku", "a/b"));
                    case CODE -> wrong.addAll(List.of(field.valid().toString().toLowerCase(), field.valid() + "X", "1"));
                    default -> {
                    }
                }
            }
            case INTEGER, OPTIONAL_INTEGER -> {
                wrong.addAll(List.of("1", "", "many", 1.5, 1e3, true, List.of(), Map.of(), List.of(1)));
                wrong.add(field.max() + 1);
                wrong.add(new BigDecimal("9223372036854775808"));
                wrong.add(new BigDecimal("1e400"));
                wrong.add(-(field.max() + 1));
                if (field.kind() == Kind.INTEGER) {
                    wrongNull(wrong);
                }
            }
            case DECIMAL -> {
                wrong.addAll(List.of("9.99", "", true, List.of(), Map.of(), new BigDecimal("-0.01"), new BigDecimal("12.34567"),
                        new BigDecimal("12345678901.00"), new BigDecimal("1e400")));
                wrongNull(wrong);
            }
            case ENUM -> {
                wrong.addAll(List.of("NOPE", "", 1, 0, true, List.of(), Map.of(), field.valid().toString().toLowerCase()));
                wrongNull(wrong);
            }
            case OBJECT -> {
                wrong.addAll(List.of("x", 1, true, List.of()));
                wrongNull(wrong);
            }
            case LIST -> {
                wrong.addAll(List.of("x", 1, true, Map.of(), List.of(), List.of(1), List.of("x"), List.of(List.of())));
                List<Object> tooMany = new ArrayList<>();
                for (int i = 0; i <= field.max(); i++) {
                    tooMany.add(Map.of("sku", "sku-" + i, "quantity", 1));
                }
                wrong.add(tooMany);
                wrongNull(wrong);
            }
        }
        return wrong;
    }

    private static void wrongNull(List<Object> wrong) {
        wrong.add(null);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String path(String url) {
        return url.replaceFirst("^http://[^/]+", "");
    }

    /** The value as a label shows it: at most 24 characters, any control character or surrogate escaped. */
    private static String shorten(Object value) {
        String text = String.valueOf(value);
        String shown = text.length() > 24 ? text.substring(0, 24) + "...(" + text.length() + ")" : text;
        StringBuilder label = new StringBuilder();
        shown.chars().forEach(c -> label.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return label.toString();
    }
}
