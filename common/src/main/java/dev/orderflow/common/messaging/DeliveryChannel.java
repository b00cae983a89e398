package dev.orderflow.common.messaging;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.reactive.messaging.rabbitmq.ClientHolder;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMessage;
import io.vertx.rabbitmq.impl.RabbitMQClientImpl;

/**
 * The channel a message came in on, so that the message is settled while that channel is open, or not at all.
 * <p>
 * When its connection or channel breaks (a broker restart), the connector's client (the Vert.x RabbitMQ client 4.5)
 * opens a new channel and consumes again, but it sends the ack or nack of a message that was being handled meanwhile
 * on whatever channel it has by then. A delivery tag of the old channel means nothing on the new one, and the broker
 * closes it (406 PRECONDITION_FAILED, unknown delivery tag), which hands back every message the new channel held and
 * starts the client over. Under load one round's late acks close the next round's channel, again and again, each
 * message's delivery count growing until its queue parks it; and the channel the client opens in passing, to send the
 * next ack, has no prefetch limit, so the consumer may come back on it unbounded. A message whose channel is gone
 * needs no settling: the broker took it back when that channel closed, and delivers it again (handlers are idempotent).
 * <p>
 * The client numbers its channels ({@code RabbitMQClientImpl.getChannelInstance()}), but the connector (4.33) does not
 * say which client a message came through: that is its private {@code holder}, read here once per message. Should a
 * connector version lose that field, messages are settled as before, without the check, and a warning says so once.
 */
@RegisterForReflection(targets = IncomingRabbitMQMessage.class, fields = true, methods = false)
final class DeliveryChannel {

    private static final Logger LOG = Logger.getLogger(DeliveryChannel.class);
    private static final Field HOLDER = holderField();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    /** A message whose channel cannot be told: settled whatever happened to it. */
    private static final DeliveryChannel UNKNOWN = new DeliveryChannel(null, 0);

    private final RabbitMQClientImpl client;
    private final long instance;

    private DeliveryChannel(RabbitMQClientImpl client, long instance) {
        this.client = client;
        this.instance = instance;
    }

    /** The channel {@code message} came in on, as its client has it now: call when the message arrives. */
    static DeliveryChannel of(Message<?> message) {
        if (HOLDER == null || !(message instanceof IncomingRabbitMQMessage<?> incoming)) {
            warnOnce(message);
            return UNKNOWN;
        }
        try {
            if (((ClientHolder) HOLDER.get(incoming)).client().getDelegate() instanceof RabbitMQClientImpl impl) {
                return new DeliveryChannel(impl, impl.getChannelInstance());
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debugf(e, "The client of a message cannot be read");
        }
        warnOnce(message);
        return UNKNOWN;
    }

    /**
     * Whether the message's channel is closed, or the client has replaced it since: either way the broker has the
     * message back, and a settlement would go out on another channel (the client opens one in passing for it).
     */
    boolean isGone() {
        return client != null && (client.getChannelInstance() != instance || !client.isOpenChannel());
    }

    private static void warnOnce(Message<?> message) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warnf("Messages are settled without knowing their channel (%s): after a reconnection, a late ack may "
                    + "close the new channel", message.getClass().getName());
        }
    }

    private static Field holderField() {
        try {
            Field holder = IncomingRabbitMQMessage.class.getDeclaredField("holder");
            holder.setAccessible(true);
            return holder;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
