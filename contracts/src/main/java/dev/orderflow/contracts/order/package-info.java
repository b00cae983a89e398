/**
 * The events the order service publishes on the {@code events} exchange, for anyone to subscribe to:
 * {@link dev.orderflow.contracts.order.OrderCreated}, {@link dev.orderflow.contracts.order.OrderConfirmed},
 * {@link dev.orderflow.contracts.order.OrderCancelled}, {@link dev.orderflow.contracts.order.OrderShipped},
 * {@link dev.orderflow.contracts.order.OrderDelivered}. Each carries what a subscriber needs to act without calling
 * back (the customer's e-mail, the items); its message id is stable ({@code <orderId>:<type>}), so a re-published
 * event is recognised.
 */
package dev.orderflow.contracts.order;
