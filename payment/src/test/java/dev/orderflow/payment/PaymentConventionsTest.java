package dev.orderflow.payment;

import dev.orderflow.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PaymentConventionsTest extends ServiceConventionsTest {
}
