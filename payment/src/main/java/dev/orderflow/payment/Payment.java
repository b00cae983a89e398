package dev.orderflow.payment;

import java.math.BigDecimal;
import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.orderflow.contracts.payment.PaymentDeclined;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * An order's payment: at most one per order (a unique index on {@link #orderId}), which is what makes a repeated or
 * late charge command harmless. Every change is one conditional update on the expected status.
 */
@MongoEntity(collection = "payments")
public class Payment {

    @BsonId
    public String id;
    public String orderId;
    public String customerId;
    public BigDecimal amount;
    public String currency;
    /** The payment method token the order was placed with. */
    public String paymentMethod;
    public PaymentStatus status;
    public PaymentDeclined.Reason declineReason;
    /** The gateway's ids of the charge and of its refund. */
    public String gatewayChargeId;
    public String gatewayRefundId;
    public Instant createdAt;
    public Instant capturedAt;
    public Instant closedAt;
    public Instant updatedAt;
    public long version;
}
