package dev.orderflow.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskedTest {

    @Test
    void anAddressKeepsItsFirstCharacterAndItsDomain() {
        assertEquals("a***@example.com", Masked.email("ada.lovelace+orders@example.com"));
        assertEquals("s***@orderflow.local", Masked.email("stock@orderflow.local"));
        assertEquals("***", Masked.email("not-an-address"));
        assertNull(Masked.email(null));
    }

    @Test
    void everyAddressInATextIsMasked() {
        assertEquals("550 5.1.1 <a***@example.com>: Recipient address rejected; copy to b***@mail.example.org",
                Masked.emailsIn("550 5.1.1 <ada@example.com>: Recipient address rejected; copy to bob.b@mail.example.org"));
        assertEquals("nothing personal here", Masked.emailsIn("nothing personal here"));
        assertNull(Masked.emailsIn(null));
    }
}
