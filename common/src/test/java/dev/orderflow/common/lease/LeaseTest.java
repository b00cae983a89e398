package dev.orderflow.common.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;

class LeaseTest {

    static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");
    /** Without the store's retry and the wait: these tests make no store call (LeaseStoreRetryTest makes them). */
    final Lease lease = new Lease(Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC), null, null);

    @Test
    void aGrantedLeaseRunsForItsDurationFromNow() {
        BsonDocument grant = bson(lease.grant("worker-1"));
        BsonDocument set = grant.getDocument("$set");
        assertEquals("worker-1", set.getString(Lease.OWNER).getValue());
        assertEquals(Date.from(NOW.plusSeconds(10)).getTime(), set.getDateTime(Lease.UNTIL).getValue());
    }

    @Test
    void givingBackRemovesOwnerAndTime() {
        BsonDocument unset = bson(Lease.giveBack()).getDocument("$unset");
        assertTrue(unset.containsKey(Lease.OWNER) && unset.containsKey(Lease.UNTIL), unset.toJson());
    }

    @Test
    void aLeaseRunsOutWithinAMarginWhenItEndsBeforeTheMarginIsOver() {
        assertTrue(lease.runsOutWithin(null, Duration.ZERO), "no lease at all");
        assertTrue(lease.runsOutWithin(NOW.minusMillis(1), Duration.ZERO), "ran out");
        assertTrue(lease.runsOutWithin(NOW.plusSeconds(1), Duration.ofSeconds(2)), "goes within the margin");
        assertFalse(lease.runsOutWithin(NOW.plusSeconds(3), Duration.ofSeconds(2)), "outlasts the margin");
    }

    @Test
    void aDocumentIsItsWorkersWhileTheOwnerIsTheWorkers() {
        assertEquals(new Document(Lease.OWNER, "worker-1").toBsonDocument(), bson(Lease.heldBy("worker-1")));
    }

    private static BsonDocument bson(Bson bson) {
        return bson.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
