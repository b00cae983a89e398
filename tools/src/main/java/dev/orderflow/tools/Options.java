package dev.orderflow.tools;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code --name value} options of a tool command, checked before anything runs: an unknown option, one without
 * its value, or a value that is not what the option takes stops the command with a message and the usage, and
 * {@code --help} (or {@code -h}) asks for the usage alone. An option given more than once keeps every value, in order
 * ({@link #all}); the others read the last one.
 */
final class Options {

    /** The command line is not what the command takes; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --help} or {@code -h} was given. */
    static final class HelpRequested extends Exception {
        HelpRequested() {
            super("help");
        }
    }

    private final Map<String, List<String>> values;

    private Options(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Reads {@code args} from index {@code from} on, as options among {@code names} (each with its leading dashes). */
    static Options parse(String[] args, int from, Set<String> names) throws UsageException, HelpRequested {
        Map<String, List<String>> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (!names.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(args[++i]);
        }
        return new Options(values);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(last(name));
    }

    /** Every value the option was given, in the order of the command line; empty when it was not. */
    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    URI uri(String name, URI otherwise) throws UsageException {
        return value(name, otherwise, URI::create, "a URL");
    }

    int integer(String name, int otherwise) throws UsageException {
        return value(name, otherwise, Integer::parseInt, "a whole number");
    }

    double decimal(String name, double otherwise) throws UsageException {
        return value(name, otherwise, Double::parseDouble, "a number");
    }

    Duration seconds(String name, Duration otherwise) throws UsageException {
        return value(name, otherwise, value -> Duration.ofSeconds(Long.parseLong(value)), "a whole number of seconds");
    }

    /** A token's time to live: whole seconds, or with s, m, h or d ({@code 3600}, {@code 30m}, {@code 1h}). */
    Duration ttl(String name, Duration otherwise) throws UsageException {
        return value(name, otherwise, dev.orderflow.tools.auth.Tokens::parseTtl, "a time to live (3600, 3600s, 30m, 1h, 7d)");
    }

    /** The option's value read by {@code parse}, or {@code otherwise} when it is not given. */
    private <T> T value(String name, T otherwise, Function<String, T> parse, String what) throws UsageException {
        String value = last(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " takes " + what + ", not '" + value + "'");
        }
    }

    private String last(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(given.size() - 1);
    }
}
