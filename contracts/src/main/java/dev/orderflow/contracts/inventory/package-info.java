/**
 * The inventory service's messages. Commands (from the order saga, on the {@code commands} exchange):
 * {@link dev.orderflow.contracts.inventory.ReserveStock}, {@link dev.orderflow.contracts.inventory.ReleaseStock},
 * {@link dev.orderflow.contracts.inventory.CommitStock}. Their replies (on the {@code replies} exchange):
 * {@link dev.orderflow.contracts.inventory.StockReserved} or {@link dev.orderflow.contracts.inventory.StockRejected},
 * {@link dev.orderflow.contracts.inventory.StockReleased}, {@link dev.orderflow.contracts.inventory.StockCommitted} or
 * {@link dev.orderflow.contracts.inventory.StockCommitRefused}. Events (on the {@code events} exchange):
 * {@link dev.orderflow.contracts.inventory.LowStock}, {@link dev.orderflow.contracts.inventory.ReservationExpired}.
 * <p>
 * Every command is idempotent per order: sending it again changes nothing and gets the same reply.
 */
package dev.orderflow.contracts.inventory;
