package dev.orderflow.order.saga;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.rest.ProblemException;

/** The estimate of sagas under way between two counts of the store, also when sagas start and end during a count. */
class AdmissionCountTest {

    private final Admission admission = new Admission(2, Duration.ofSeconds(1));

    @Test
    void sagasStartedAndEndedHereMoveTheEstimateUntilTheNextCount() {
        admission.started();
        admission.started();
        assertEquals(2, admission.inFlight());
        assertThrows(ProblemException.class, admission::admit);

        admission.ended();
        assertEquals(1, admission.inFlight());
        assertDoesNotThrow(admission::admit);

        admission.counted(0, admission.countBegins()); // another instance's count: the store says none
        assertEquals(0, admission.inFlight());
    }

    @Test
    void aSagaStartedWhileTheStoreCountsIsNotLost() {
        long begun = admission.countBegins();
        admission.started(); // stored after the count read the orders: not in it
        admission.started();
        admission.counted(0, begun);

        assertEquals(2, admission.inFlight());
        assertThrows(ProblemException.class, admission::admit, "the bound holds");
    }

    @Test
    void aSagaStartedOrEndedWhileTheStoreCountsIsCountedOnTheSafeSideUntilTheNextCount() {
        admission.started();
        admission.counted(1, admission.countBegins());

        long begun = admission.countBegins();
        admission.started(); // the count saw it: counted twice
        admission.ended(); // the first one ended, and the count did not see it: still counted
        admission.counted(2, begun);
        assertEquals(3, admission.inFlight(), "over, never under");

        admission.counted(1, admission.countBegins());
        assertEquals(1, admission.inFlight(), "the next count puts it right");
        admission.ended();
        assertEquals(0, admission.inFlight());
    }

    @Test
    void anEndIsToldBeforeItIsStoredSoThatACountThatSawItDoesNotTakeItOffTwice() {
        admission.started();
        admission.started();
        admission.counted(2, admission.countBegins());

        long begun = admission.countBegins();
        admission.ended(); // told, then stored; the count reads the store after: one under way
        admission.counted(1, begun);
        assertEquals(1, admission.inFlight(), "not 0");
        assertThrows(ProblemException.class, () -> {
            admission.started();
            admission.admit();
        }, "with the bound at two, a second is the last taken");

        admission.ended(); // an end told whose write then failed
        admission.notEnded();
        assertEquals(2, admission.inFlight());
    }
}
