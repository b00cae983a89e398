package dev.orderflow.common.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;

/**
 * The commands a participant carries out, each declared once with its handler. The types its queue accepts follow
 * from the declarations ({@link #types()}), and so do the routing keys its queue must be bound with: the connector
 * takes those from configuration, so {@link #requireRoutedBy} refuses to start with any other set.
 */
public final class CommandHandlers {

    /** A command type and what carries it out; the handler's item is the reply. */
    public record Handler<C>(Class<C> type, Function<C, Uni<?>> handle) {
    }

    private final Map<String, Handler<?>> byName;
    private final MessageTypes types;

    private CommandHandlers(List<Handler<?>> handlers) {
        Map<String, Handler<?>> named = new LinkedHashMap<>();
        handlers.forEach(handler -> named.put(MessageTypes.nameOf(handler.type()), handler));
        this.byName = Map.copyOf(named);
        this.types = MessageTypes.of(handlers.stream().map(Handler::type).toArray(Class<?>[]::new));
    }

    public static CommandHandlers of(Handler<?>... handlers) {
        return new CommandHandlers(List.of(handlers));
    }

    /** Declares the handler of one command type. */
    public static <C> Handler<C> on(Class<C> type, Function<C, Uni<?>> handle) {
        return new Handler<>(type, handle);
    }

    /** The command types handled, by their message type names. */
    public MessageTypes types() {
        return types;
    }

    /**
     * Checks the routing keys configured for the commands queue against the declared types.
     *
     * @throws IllegalStateException when they differ: a type would never arrive, or arrive without a handler
     */
    public CommandHandlers requireRoutedBy(List<String> routingKeys) {
        Set<String> configured = Set.copyOf(routingKeys);
        if (!configured.equals(byName.keySet())) {
            throw new IllegalStateException("the commands queue is bound with routing keys "
                    + routingKeys.stream().sorted().collect(Collectors.joining(",")) + " but the handled commands are "
                    + byName.keySet().stream().sorted().collect(Collectors.joining(",")));
        }
        return this;
    }

    /** Carries out a command read as one of {@link #types()}; the item is the reply to send. */
    public Uni<Object> handle(Envelope<Object> command) {
        Handler<?> handler = byName.get(command.type());
        if (handler == null) {
            return Uni.createFrom().failure(new IllegalStateException("no handler for " + command.type()));
        }
        return apply(handler, command.payload());
    }

    private static <C> Uni<Object> apply(Handler<C> handler, Object payload) {
        return handler.handle().apply(handler.type().cast(payload)).map(reply -> (Object) reply);
    }
}
