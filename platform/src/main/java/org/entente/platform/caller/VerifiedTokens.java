package org.entente.platform.caller;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A decoder that verifies a token once and then knows it by its text until it expires: a caller
 * sends the same token with every request, and verifying it (an RS256 signature, the claims) took
 * about a seventh of the intake's request CPU (docs/performance.md, issue 13). It keeps at most
 * {@value #MAX_TOKENS} tokens, each until its {@code exp} and never later (no leeway for clock
 * skew); a token without {@code exp}, or one that fails verification, is not kept, so it is
 * verified every time. The text is the whole signed token, so a token that differs in a single
 * character is verified afresh. A kept token is accepted until its {@code exp} even if its issuer
 * withdraws the signing key meanwhile.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Far more than the callers (people and systems of the states) that hold a token at once. */
    static final int MAX_TOKENS = 1_000;

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
            .build();

    VerifiedTokens(JwtDecoder verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            if (untilExpiry(jwt).compareTo(Duration.ZERO) > 0) {
                verified.put(token, jwt);
            }
        }
        return jwt;
    }

    private static Duration untilExpiry(Jwt jwt) {
        Instant expiry = jwt.getExpiresAt();
        return expiry == null ? Duration.ZERO : Duration.between(Instant.now(), expiry);
    }
}
