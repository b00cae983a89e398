package dev.orderflow.shipping.service;

import java.util.Set;

/**
 * Which carrier takes a parcel: the domestic one at home, a European one inside the European Union, an international
 * one anywhere else. Whether the country is served at all is decided before, by configuration. What the parcel's label
 * says (its tracking number, its delivery estimate) is the carrier's answer when shipping books it
 * ({@link dev.orderflow.shipping.gateway.CarrierGateway}).
 */
public final class CarrierRule {

    public static final String DOMESTIC = "ColiPoste";
    public static final String EUROPEAN = "EuroExpress";
    public static final String INTERNATIONAL = "WorldParcel";

    /** The member states of the European Union, by ISO 3166-1 alpha-2 code. */
    static final Set<String> EUROPEAN_UNION = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private final String homeCountry;

    public CarrierRule(String homeCountry) {
        this.homeCountry = homeCountry;
    }

    /** The name of the carrier that takes parcels to the country. */
    public String forCountry(String country) {
        if (homeCountry.equals(country)) {
            return DOMESTIC;
        }
        return EUROPEAN_UNION.contains(country) ? EUROPEAN : INTERNATIONAL;
    }
}
