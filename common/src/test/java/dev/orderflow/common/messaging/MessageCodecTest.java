package dev.orderflow.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;

import jakarta.validation.Validation;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

class MessageCodecTest {

    final MessageCodec codec = new MessageCodec(new ObjectMapper(), Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    final MessageTypes types = MessageTypes.of(Work.class);

    @Test
    void carriesIdsTypeAndReplyToAsAmqpProperties() {
        Envelope<Work> command = Envelope.of("o-1:reserve:do", "o-1", new Work("w-1", false)).withReplyTo("order");

        Message<byte[]> message = codec.encode(command, "probe.work", null);
        OutgoingRabbitMQMetadata sent = message.getMetadata(OutgoingRabbitMQMetadata.class).orElseThrow();

        assertNull(sent.getExpiration());
        assertEquals("probe.work", sent.getRoutingKey());
        assertEquals("o-1:reserve:do", sent.getMessageId());
        assertEquals("o-1", sent.getCorrelationId());
        assertEquals("probe.work", sent.getType());
        assertEquals("order", sent.getReplyTo());
        assertEquals("application/json", sent.getContentType());
        assertEquals(2, sent.getDeliveryMode());
        assertEquals(command, codec.decode(received(sent), message.getPayload(), types));
    }

    @Test
    void aMessageWithADeadlineExpiresFromItsQueueThen() {
        Envelope<Work> command = Envelope.of("o-1:reserve:do", "o-1", new Work("w-1", false)).withReplyTo("order");

        OutgoingRabbitMQMetadata sent = codec.encode(command, "probe.work", Duration.ofMillis(4_500))
                .getMetadata(OutgoingRabbitMQMetadata.class).orElseThrow();
        OutgoingRabbitMQMetadata overdue = codec.encode(command, "probe.work", Duration.ofMillis(-5))
                .getMetadata(OutgoingRabbitMQMetadata.class).orElseThrow();

        assertEquals("4500", sent.getExpiration());
        assertNull(overdue.getExpiration(), "a command already due is sent without expiry, not dropped at once");
    }

    @Test
    void replyIdIsDerivedFromTheCommandIdSoResendsRepeatIt() {
        Envelope<Work> command = Envelope.of("o-1:reserve:do", "o-1", new Work("w-1", false)).withReplyTo("order");

        Envelope<Work> reply = command.reply(new Work("w-1", true));

        assertEquals("o-1:reserve:do:reply", reply.messageId());
        assertEquals("o-1", reply.correlationId());
        assertEquals(reply, command.reply(new Work("w-1", true)));
    }

    @Test
    void refusesUnknownTypes() {
        OutgoingRabbitMQMetadata sent = properties().withMessageId("m-1").withType("probe.other").build();

        UnreadableMessageException refused = assertThrows(UnreadableMessageException.class,
                () -> codec.decode(received(sent), "{}".getBytes(StandardCharsets.UTF_8), types));
        assertTrue(refused.getMessage().contains("probe.other"), refused.getMessage());
    }

    @Test
    void refusesBodiesThatAreNotTheContract() {
        OutgoingRabbitMQMetadata sent = properties().withMessageId("m-1").withType("probe.work").build();

        assertThrows(UnreadableMessageException.class,
                () -> codec.decode(received(sent), "not json".getBytes(StandardCharsets.UTF_8), types));
        assertThrows(UnreadableMessageException.class,
                () -> codec.decode(received(sent), "null".getBytes(StandardCharsets.UTF_8), types));
    }

    @Test
    void refusesContractsThatBreakTheirConstraints() {
        OutgoingRabbitMQMetadata sent = properties().withMessageId("m-1").withType("probe.work").build();

        UnreadableMessageException refused = assertThrows(UnreadableMessageException.class,
                () -> codec.decode(received(sent), "{\"id\":\"\"}".getBytes(StandardCharsets.UTF_8), types));
        assertTrue(refused.getMessage().contains("id"), refused.getMessage());
    }

    @Test
    void refusesMessagesWithoutTypeOrId() {
        byte[] body = "{\"id\":\"w-1\"}".getBytes(StandardCharsets.UTF_8);
        OutgoingRabbitMQMetadata noType = properties().withMessageId("m-1").build();
        OutgoingRabbitMQMetadata noId = properties().withType("probe.work").build();

        assertThrows(UnreadableMessageException.class, () -> codec.decode(received(noType), body, types));
        assertThrows(UnreadableMessageException.class, () -> codec.decode(received(noId), body, types));
    }

    @Test
    void aClassWithoutMessageTypeIsNotAContract() {
        assertThrows(IllegalArgumentException.class, () -> Envelope.of("o-1", "not a contract"));
    }

    private static IncomingRabbitMQMetadata received(OutgoingRabbitMQMetadata sent) {
        return sent.toIncomingMetadata("orderflow-test", false);
    }

    private static OutgoingRabbitMQMetadata.Builder properties() {
        return OutgoingRabbitMQMetadata.builder().withTimestamp(ZonedDateTime.now());
    }
}
