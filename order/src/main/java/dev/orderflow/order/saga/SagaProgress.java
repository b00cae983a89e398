package dev.orderflow.order.saga;

import java.time.Instant;

import dev.orderflow.contracts.order.CancellationReason;

/**
 * How far a saga run is, kept in the document of the thing it runs for (an order), and changed with it in one
 * conditional update.
 */
public class SagaProgress {

    public SagaPhase phase;
    /** The step being done, or undone. */
    public int step;
    /** How many times the awaited command was sent. */
    public int attempt;
    /** The id of the command whose reply is awaited; null once the saga is finished. */
    public String awaiting;
    /** When the awaited command is sent again if no reply came. */
    public Instant deadline;
    /** Why the saga compensates. */
    public CancellationReason failureReason;
    public String failureDetail;
}
