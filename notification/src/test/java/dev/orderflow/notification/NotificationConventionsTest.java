package dev.orderflow.notification;

import dev.orderflow.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationConventionsTest extends ServiceConventionsTest {
}
