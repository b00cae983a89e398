package dev.orderflow.common.testing;

import static io.restassured.RestAssured.given;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

/** What a test reads of a service's meters: from its registry, or from its Prometheus page as a scraper sees it. */
public final class Meters {

    private Meters() {
    }

    /** How many times the counter (or timer) with these tags was incremented (recorded); 0 while it does not exist. */
    public static double count(MeterRegistry registry, String name, String... tags) {
        Search search = registry.find(name).tags(tags);
        Counter counter = search.counter();
        if (counter != null) {
            return counter.count();
        }
        Timer timer = search.timer();
        return timer == null ? 0 : timer.count();
    }

    /** The value of the gauge with these tags; NaN while it does not exist. */
    public static double gauge(MeterRegistry registry, String name, String... tags) {
        var gauge = registry.find(name).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /** {@code /q/metrics}, in the Prometheus text format. */
    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
