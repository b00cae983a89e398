package dev.orderflow.common.messaging;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.orderflow.contracts.MessageType;

/** The message contracts a consumer understands, by their {@link MessageType} name. */
public final class MessageTypes {

    private final Map<String, Class<?>> classes;

    private MessageTypes(Map<String, Class<?>> classes) {
        this.classes = classes;
    }

    public static MessageTypes of(Class<?>... contracts) {
        return new MessageTypes(
                Stream.of(contracts).collect(Collectors.toUnmodifiableMap(MessageTypes::nameOf, Function.identity())));
    }

    /** The type name of a contract class; a class without {@link MessageType} is a programming error. */
    public static String nameOf(Class<?> contract) {
        MessageType type = contract.getAnnotation(MessageType.class);
        if (type == null) {
            throw new IllegalArgumentException(contract.getName() + " is not a message contract: it has no @MessageType");
        }
        return type.value();
    }

    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    @Override
    public String toString() {
        return classes.keySet().toString();
    }
}
