/**
 * The payment service's messages. Commands: {@link dev.orderflow.contracts.payment.ChargePayment} and
 * {@link dev.orderflow.contracts.payment.RefundPayment}. Replies: {@link dev.orderflow.contracts.payment.PaymentCharged}
 * or {@link dev.orderflow.contracts.payment.PaymentDeclined}; {@link dev.orderflow.contracts.payment.PaymentRefunded}
 * or {@link dev.orderflow.contracts.payment.NothingToRefund}.
 * <p>
 * At most one charge per order, ever: a repeated charge gets the first one's reply, and a charge that arrives after
 * the order's refund is declined.
 */
package dev.orderflow.contracts.payment;
