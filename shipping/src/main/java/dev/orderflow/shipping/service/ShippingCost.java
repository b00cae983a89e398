package dev.orderflow.shipping.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.orderflow.contracts.shipping.ShipmentLine;
import dev.orderflow.shipping.config.ShippingConfig;

/**
 * What a parcel costs: {@code baseFee + perItemFee × items}, free when the goods are worth {@code freeAbove} or more
 * in the shipping currency (goods priced in another currency never ship for free: shipping does not convert).
 * Exact money: BigDecimal, two decimals, rounded half-even.
 */
public record ShippingCost(BigDecimal baseFee, BigDecimal perItemFee, BigDecimal freeAbove, String currency) {

    static final int SCALE = 2;

    public static ShippingCost of(ShippingConfig.Rates rates) {
        return new ShippingCost(rates.baseFee(), rates.perItemFee(), rates.freeAbove(), rates.currency());
    }

    /** The cost of shipping these lines, for goods worth {@code goodsValue} in {@code goodsCurrency}. */
    public BigDecimal of(List<ShipmentLine> lines, BigDecimal goodsValue, String goodsCurrency) {
        if (currency.equals(goodsCurrency) && goodsValue.compareTo(freeAbove) >= 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        long items = lines.stream().mapToLong(ShipmentLine::quantity).sum();
        return baseFee.add(perItemFee.multiply(BigDecimal.valueOf(items))).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
