package dev.orderflow.order.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.security.Caller;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.Paging;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.common.tracing.Traces;
import dev.orderflow.order.IdempotencyKey;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.repository.IdempotencyKeyRepository;
import dev.orderflow.order.repository.OrderRepository;
import dev.orderflow.order.rest.PlaceOrder;
import dev.orderflow.order.saga.Admission;
import dev.orderflow.order.saga.OrderSagaRunner;
import dev.orderflow.order.tracing.SagaSpans;
import io.smallrye.mutiny.Uni;

/**
 * Orders as customers see them: placing (once per idempotency key), reading, listing, cancelling. A customer places
 * orders for themselves and sees only their own; another customer's order is answered as one that does not exist. An
 * operator sees and cancels any.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final IdempotencyKeyRepository keys;
    private final OrderSagaRunner saga;
    private final SagaSpans spans;
    private final Admission admission;
    private final CustomerRateLimit rateLimit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration keyTtl;
    private final StoreRetry storeRetry;

    public OrderService(OrderRepository orders, IdempotencyKeyRepository keys, OrderSagaRunner saga, SagaSpans spans,
            Admission admission, CustomerRateLimit rateLimit, ObjectMapper json, OrderConfig config, Clock clock,
            StoreRetry storeRetry) {
        this.orders = orders;
        this.keys = keys;
        this.saga = saga;
        this.spans = spans;
        this.admission = admission;
        this.rateLimit = rateLimit;
        this.json = json;
        this.clock = clock;
        this.keyTtl = config.idempotencyKeys().ttl();
        this.storeRetry = storeRetry;
    }

    /** The order placed, and whether it was placed by an earlier request with the same idempotency key. */
    public record Placed(Order order, boolean replayed) {
    }

    /**
     * Places the order and starts its saga. With an idempotency key, the same request again returns the order it
     * placed the first time, and another request with that key is refused (422). Beyond its customer's allowance it is
     * refused (429, {@link CustomerRateLimit}), and with too many sagas under way (503, {@link Admission}), both before
     * anything is stored. The request's log lines name the order from here on. The order is the caller's: one naming
     * another customer is refused (403), and the caller's allowance is the one taken.
     */
    public Uni<Placed> place(Caller caller, PlaceOrder request, String idempotencyKey) {
        if (!caller.subject().equals(request.customerId())) {
            throw ProblemException.forbidden("customerId must be the caller's own (the token's subject)");
        }
        rateLimit.admit(caller.subject());
        admission.admit();
        refuseRepeatedProducts(request);
        String orderId = "ord-" + UUID.randomUUID();
        Traces.aboutOrder(orderId);
        if (idempotencyKey == null) {
            return start(orderId, request).map(order -> new Placed(order, false));
        }
        IdempotencyKey key = new IdempotencyKey();
        key.key = idempotencyKey;
        key.orderId = orderId;
        key.requestHash = hash(request);
        key.createdAt = clock.instant();
        return keys.persist(key)
                .chain(() -> start(orderId, request).map(order -> new Placed(order, false)))
                .onFailure(MongoSupport::isDuplicateKey).recoverWithUni(() -> replay(key, request));
    }

    /** The order, if the caller may see it; else 404, as for an order that does not exist. */
    public Uni<Order> get(Caller caller, String orderId) {
        return caller.ifSees(orders.findById(orderId), order -> order.customerId)
                .onItem().ifNull().failWith(() -> unknown(orderId));
    }

    /**
     * Orders newest first, of the customer and in the status given; a null filter matches all. A customer's listing
     * has only their own orders ({@link Caller#listedCustomer}).
     */
    public Uni<Page<Order>> list(Caller caller, String customerId, OrderStatus status, int page, int size) {
        if (!caller.mayList(customerId)) {
            return Uni.createFrom().item(Page.empty(page, size));
        }
        var filter = Paging.filter().eq("customerId", caller.listedCustomer(customerId)).eq("status", status);
        return Paging.page(storeRetry, orders.find(filter.toDocument(), Paging.NEWEST_FIRST), page, size);
    }

    /** Cancels the order, one the caller may see ({@link #get}); 409 once it has shipped. */
    public Uni<Order> cancel(Caller caller, String orderId) {
        return get(caller, orderId).chain(() -> spans.cancel(orderId, () -> saga.cancel(orderId)))
                .onItem().ifNull().failWith(() -> unknown(orderId));
    }

    /**
     * The key was used before: within its time-to-live, the same body gets the same order (created now if the first
     * request died half-way); after it, the key is taken over for this request, which places a new order.
     */
    private Uni<Placed> replay(IdempotencyKey fresh, PlaceOrder request) {
        String idempotencyKey = fresh.key;
        String requestHash = fresh.requestHash;
        return keys.findById(idempotencyKey).chain(key -> {
            if (key == null || !key.createdAt.plus(keyTtl).isAfter(clock.instant())) {
                return takeOver(key, fresh, request);
            }
            Traces.aboutOrder(key.orderId);
            if (!key.requestHash.equals(requestHash)) {
                return Uni.createFrom().failure(new ProblemException(422, "Idempotency key reused",
                        "Idempotency-Key " + idempotencyKey + " was used for another request"));
            }
            return orders.findById(key.orderId).chain(existing -> existing != null
                    ? Uni.createFrom().item(new Placed(existing, true))
                    : start(key.orderId, request).map(order -> new Placed(order, false))
                            .onFailure(MongoSupport::isDuplicateKey).recoverWithUni(() -> orders.findById(key.orderId)
                                    .map(order -> new Placed(order, true))));
        });
    }

    /** Replaces an expired (or just removed) key with this request's, unless another request did first. */
    private Uni<Placed> takeOver(IdempotencyKey expired, IdempotencyKey fresh, PlaceOrder request) {
        Uni<Boolean> replaced = expired == null
                ? keys.persist(fresh).replaceWith(true).onFailure(MongoSupport::isDuplicateKey).recoverWithItem(false)
                : storeRetry.call(() -> keys.mongoCollection()
                        .replaceOne(Filters.and(Filters.eq("_id", expired.key), Filters.eq("createdAt", expired.createdAt)),
                                fresh))
                        .map(result -> result.getModifiedCount() == 1);
        return replaced.chain(won -> won ? start(fresh.orderId, request).map(order -> new Placed(order, false))
                : replay(fresh, request));
    }

    /** Stores the order and starts its saga, in the saga's first span: the order keeps that span's trace. */
    private Uni<Order> start(String orderId, PlaceOrder request) {
        return spans.start(orderId, () -> saga.start(newOrder(orderId, request)));
    }

    private Order newOrder(String orderId, PlaceOrder request) {
        Order order = new Order();
        order.id = orderId;
        order.traceparent = Traces.traceparent();
        order.customerId = request.customerId();
        order.customerEmail = request.customerEmail();
        order.items = request.items().stream().map(item -> new Order.Item(item.sku(), item.quantity())).toList();
        PlaceOrder.ShippingAddress address = request.shippingAddress();
        order.shippingAddress = new Order.Address();
        order.shippingAddress.name = address.name();
        order.shippingAddress.line1 = address.line1();
        order.shippingAddress.line2 = address.line2();
        order.shippingAddress.city = address.city();
        order.shippingAddress.postalCode = address.postalCode();
        order.shippingAddress.country = address.country();
        order.paymentMethod = request.paymentMethod();
        return order;
    }

    private static void refuseRepeatedProducts(PlaceOrder request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            if (!seen.add(request.items().get(i).sku())) {
                throw ProblemException.invalid("items[" + i + "].sku",
                        "appears on an earlier line: put the whole quantity on one line");
            }
        }
    }

    private String hash(PlaceOrder request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the request", e);
        }
    }

    private static ProblemException unknown(String orderId) {
        return ProblemException.notFound("No order with id " + orderId);
    }

}
