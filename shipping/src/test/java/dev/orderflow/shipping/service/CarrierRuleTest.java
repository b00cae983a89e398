package dev.orderflow.shipping.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CarrierRuleTest {

    final CarrierRule fromFrance = new CarrierRule("FR");

    @Test
    void theHomeCountryShipsWithTheDomesticCarrierInTwoDays() {
        Carrier carrier = fromFrance.forCountry("FR");

        assertEquals("ColiPoste", carrier.name());
        assertEquals(2, carrier.transitDays());
    }

    @Test
    void otherEuropeanUnionCountriesShipWithEuroExpressInFourDays() {
        for (String country : new String[] { "DE", "NL", "BE", "LU", "ES", "IT", "PT", "AT", "IE" }) {
            Carrier carrier = fromFrance.forCountry(country);

            assertEquals("EuroExpress", carrier.name(), country);
            assertEquals(4, carrier.transitDays(), country);
        }
    }

    @Test
    void countriesOutsideTheEuropeanUnionShipWithWorldParcelInSixDays() {
        for (String country : new String[] { "GB", "US", "CH" }) {
            Carrier carrier = fromFrance.forCountry(country);

            assertEquals("WorldParcel", carrier.name(), country);
            assertEquals(6, carrier.transitDays(), country);
        }
    }

    @Test
    void theHomeCountryIsConfigurable() {
        CarrierRule fromGermany = new CarrierRule("DE");

        assertEquals("ColiPoste", fromGermany.forCountry("DE").name());
        assertEquals("EuroExpress", fromGermany.forCountry("FR").name());
    }

    @Test
    void trackingNumbersAreDerivedFromTheShipmentIdAlone() {
        String first = CarrierRule.DOMESTIC.trackingNumber("shp-1");

        assertEquals(first, CarrierRule.DOMESTIC.trackingNumber("shp-1"));
        assertNotEquals(first, CarrierRule.DOMESTIC.trackingNumber("shp-2"));
        assertTrue(first.matches("CP[0-9A-Z]{10}"), first);
        assertTrue(CarrierRule.INTERNATIONAL.trackingNumber("shp-1").matches("WP[0-9A-Z]{10}"));
    }
}
