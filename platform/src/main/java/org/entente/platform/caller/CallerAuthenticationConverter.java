package org.entente.platform.caller;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.entente.platform.states.StateCodes;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a verified token's claims to authorities: {@code roles} (e.g. {@code ["poc"]}) become
 * {@code ROLE_POC} …; unknown roles are ignored. A PoC role counts only with a {@code state}
 * claim holding an ISO 3166-1 alpha-2 code, so a PoC token always names the state it acts for.
 */
public class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES_CLAIM = "roles";
    public static final String STATE_CLAIM = "state";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        String state = jwt.getClaimAsString(STATE_CLAIM);
        for (String claimed : roles) {
            Arrays.stream(Role.values())
                    .filter(role -> role.name().equals(claimed.toUpperCase(Locale.ROOT)))
                    .filter(role -> role != Role.POC || StateCodes.wellFormed(state))
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
