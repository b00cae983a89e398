package dev.orderflow.contracts.shipping;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where the parcel goes. Its completeness is the shipping service's to judge: an incomplete address is refused with
 * {@link ShipmentRejected.Reason#INVALID_ADDRESS}, not parked.
 *
 * @param country ISO 3166-1 alpha-2 code
 */
@RegisterForReflection
public record Address(String name, String line1, String line2, String city, String postalCode, String country) {
}
