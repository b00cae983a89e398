/**
 * The shipping service's messages. Commands: {@link dev.orderflow.contracts.shipping.ScheduleShipment} and
 * {@link dev.orderflow.contracts.shipping.CancelShipment}. Replies:
 * {@link dev.orderflow.contracts.shipping.ShipmentScheduled} or {@link dev.orderflow.contracts.shipping.ShipmentRejected};
 * {@link dev.orderflow.contracts.shipping.ShipmentCancelled} or {@link dev.orderflow.contracts.shipping.TooLateToCancel}.
 * Events, as the carrier reports progress: {@link dev.orderflow.contracts.shipping.ShipmentDispatched},
 * {@link dev.orderflow.contracts.shipping.ShipmentInTransit}, {@link dev.orderflow.contracts.shipping.ShipmentDelivered}.
 * <p>
 * Every command is idempotent per order.
 */
package dev.orderflow.contracts.shipping;
