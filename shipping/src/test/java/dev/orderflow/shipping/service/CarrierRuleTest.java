package dev.orderflow.shipping.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which carrier takes the parcel; what its label says is the carrier's answer (CarrierResourceTest). */
class CarrierRuleTest {

    final CarrierRule fromFrance = new CarrierRule("FR");

    @Test
    void theHomeCountryShipsWithTheDomesticCarrier() {
        assertEquals("ColiPoste", fromFrance.forCountry("FR"));
    }

    @Test
    void otherEuropeanUnionCountriesShipWithEuroExpress() {
        for (String country : new String[] { "DE", "NL", "BE", "LU", "ES", "IT", "PT", "AT", "IE" }) {
            assertEquals("EuroExpress", fromFrance.forCountry(country), country);
        }
    }

    @Test
    void countriesOutsideTheEuropeanUnionShipWithWorldParcel() {
        for (String country : new String[] { "GB", "US", "CH" }) {
            assertEquals("WorldParcel", fromFrance.forCountry(country), country);
        }
    }

    @Test
    void theHomeCountryIsConfigurable() {
        CarrierRule fromGermany = new CarrierRule("DE");

        assertEquals("ColiPoste", fromGermany.forCountry("DE"));
        assertEquals("EuroExpress", fromGermany.forCountry("FR"));
    }
}
