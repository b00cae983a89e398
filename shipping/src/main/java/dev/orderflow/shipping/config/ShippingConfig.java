package dev.orderflow.shipping.config;

import java.math.BigDecimal;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Shipping's business rules.
 * <ul>
 * <li>Destinations: a schedule command for a country outside {@link #servedCountries()} is rejected as
 * {@code UNSUPPORTED_DESTINATION}.</li>
 * <li>Carrier: the {@link #homeCountry()} ships with ColiPoste (2 days), the other member states of the European Union
 * with EuroExpress (4 days), every other country (GB and US by default) with WorldParcel (6 days); the estimated
 * delivery is the booking day (UTC) plus these calendar days.</li>
 * <li>Cost, in {@link Rates#currency()}: {@code baseFee + perItemFee × number of items} (the quantities of all lines
 * added up), rounded half-even to the cent; nothing at all when the goods are worth {@link Rates#freeAbove()} or more
 * in that same currency.</li>
 * </ul>
 */
@ConfigMapping(prefix = "shipping")
public interface ShippingConfig {

    /** The domestic country (ISO 3166-1 alpha-2). */
    @WithDefault("FR")
    String homeCountry();

    /** The countries shipping books carriers for (ISO 3166-1 alpha-2). */
    @WithDefault("FR,DE,NL,BE,LU,ES,IT,PT,AT,IE,GB,US")
    Set<String> servedCountries();

    Rates rates();

    interface Rates {

        /** The currency of every shipping cost (ISO 4217). */
        @WithDefault("EUR")
        String currency();

        @WithDefault("4.90")
        BigDecimal baseFee();

        @WithDefault("0.50")
        BigDecimal perItemFee();

        /** Goods worth this much or more (in {@link #currency()}) ship for free. */
        @WithDefault("100.00")
        BigDecimal freeAbove();
    }
}
