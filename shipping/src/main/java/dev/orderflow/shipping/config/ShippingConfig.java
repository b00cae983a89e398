package dev.orderflow.shipping.config;

import java.math.BigDecimal;
import java.util.Set;

import dev.orderflow.common.http.ThirdPartyConfig;
import dev.orderflow.common.simulator.SimulatorConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Shipping's business rules.
 * <ul>
 * <li>Destinations: a schedule command for a country outside {@link #servedCountries()} is rejected as
 * {@code UNSUPPORTED_DESTINATION}.</li>
 * <li>Carrier: the {@link #homeCountry()} ships with ColiPoste, the other member states of the European Union with
 * EuroExpress, every other country (GB and US by default) with WorldParcel. The carrier's answer to the booking gives
 * the tracking number and the estimated delivery (the simulated carriers: see {@link Simulator}).</li>
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

    /** The carrier the labels are booked with: its API key, SHIPPING_CARRIER_API_KEY. */
    ThirdPartyConfig carrier();

    Simulator simulator();

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

    /**
     * The simulated carrier the service serves at {@code /carrier/v1}. It books labels with ColiPoste (tracking numbers
     * {@code CP…}, delivery in 2 days), EuroExpress ({@code EE…}, 4 days) and WorldParcel ({@code WP…}, 6 days), the
     * estimate counted in calendar days from the booking day (UTC). It is steered by the recipient's postal code:
     * {@code 00000} is refused as undeliverable (INVALID_ADDRESS), {@code 99999} answered too late; any other is booked.
     * Its fault drills ({@link SimulatorConfig}): a label to {@code 99999} is held for the timeout delay.
     */
    interface Simulator extends SimulatorConfig {
    }
}
