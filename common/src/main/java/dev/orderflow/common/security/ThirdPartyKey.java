package dev.orderflow.common.security;

import dev.orderflow.common.http.ThirdPartyConfig;

/**
 * The API key of the third party a service calls, which the service produces as a bean: its client sends the key
 * ({@link ApiKeyHeaders}), its simulator of the party takes only that key ({@link ApiKeyCheck}) and refuses any other
 * request with the error the party answers, in the party's own shape.
 *
 * @param key the key, configured or made at random ({@link ApiKey#configuredOrRandom})
 * @param refusalBody the party's error for a request without its key, the body of {@link ApiKey#refusal}
 */
public record ThirdPartyKey(ApiKey key, Object refusalBody) {

    /** The key configured for {@code party}, or one made at random when none is. */
    public static ThirdPartyKey of(ThirdPartyConfig party, Object refusalBody) {
        return new ThirdPartyKey(ApiKey.configuredOrRandom(party.apiKey()), refusalBody);
    }
}
