package dev.orderflow.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A command line that is not the usage stops before anything runs (no load, no connection). */
class ToolsTest {

    @Test
    void helpPrintsTheUsageAndEndsWell() throws Exception {
        assertEquals(0, Tools.run(new String[] { "bench", "--help" }));
        assertEquals(0, Tools.run(new String[] { "bench", "--rate", "10", "-h" }));
        assertEquals(0, Tools.run(new String[] { "check", "--help" }));
        assertEquals(0, Tools.run(new String[] { "--help" }));
    }

    @Test
    void anUnknownOptionAMissingValueOrAWrongValueIsRefused() throws Exception {
        assertEquals(2, Tools.run(new String[] { "bench", "--bogus", "1" }));
        assertEquals(2, Tools.run(new String[] { "bench", "--rate" }));
        assertEquals(2, Tools.run(new String[] { "bench", "--rate", "fast" }));
        assertEquals(2, Tools.run(new String[] { "bench", "--rate", "0" }));
        assertEquals(2, Tools.run(new String[] { "check", "--settle", "soon" }));
        assertEquals(2, Tools.run(new String[] { "nothing" }));
        assertEquals(2, Tools.run(new String[] {}));
    }
}
