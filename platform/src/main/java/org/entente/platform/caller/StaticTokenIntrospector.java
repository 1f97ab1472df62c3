package org.entente.platform.caller;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/** Resolves the configured static bearer tokens, through Spring Security's resource-server chain. */
class StaticTokenIntrospector implements OpaqueTokenIntrospector {

    static final String STATE_ATTRIBUTE = "state";

    private final Map<String, CallerProperties.StaticCaller> callersByToken;

    StaticTokenIntrospector(CallerProperties properties) {
        this.callersByToken = properties.staticTokens();
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        CallerProperties.StaticCaller caller = callersByToken.get(token);
        if (caller == null) {
            throw new BadOpaqueTokenException("Unknown token");
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("sub", caller.subject());
        if (caller.state() != null) {
            attributes.put(STATE_ATTRIBUTE, caller.state());
        }
        return new DefaultOAuth2AuthenticatedPrincipal(caller.subject(), attributes,
                caller.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }
}
