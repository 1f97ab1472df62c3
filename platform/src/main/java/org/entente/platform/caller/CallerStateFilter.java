package org.entente.platform.caller;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.entente.platform.problem.ProblemResponses;
import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StateCodes;
import org.entente.platform.states.StatesUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A verified token whose {@code state} claim is not one of the registered states acts for no one:
 * refused with 403 before any endpoint sees it (whatever its roles), and 503 with
 * {@code Retry-After} while this service has not loaded the states. Active where the service has
 * {@link KnownStates}; a token without a {@code state} claim (a hub role) passes.
 */
class CallerStateFilter extends OncePerRequestFilter {

    static final String TITLE = "Token names no registered state";

    private final ObjectProvider<KnownStates> states;

    CallerStateFilter(ObjectProvider<KnownStates> states) {
        this.states = states;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        KnownStates known = states.getIfAvailable();
        if (known == null || caller == null || !(caller.getPrincipal() instanceof Jwt token)
                || !token.hasClaim(CallerAuthenticationConverter.STATE_CLAIM)) {
            chain.doFilter(request, response);
            return;
        }
        String state = token.getClaimAsString(CallerAuthenticationConverter.STATE_CLAIM);
        if (!StateCodes.wellFormed(state)) {
            ProblemResponses.write(response, refused("The token is valid, but its state claim is not an ISO 3166-1 alpha-2 "
                    + "code, so it acts for no state here."));
            return;
        }
        try {
            if (!known.contains(state)) {
                ProblemResponses.write(response, refused("The token is valid, but its state claim " + state
                        + " is not a registered state, so it acts for no state here. The coordinator registers states."));
                return;
            }
        } catch (StatesUnavailableException notLoaded) {
            notLoaded.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            ProblemResponses.write(response, notLoaded.getBody());
            return;
        }
        chain.doFilter(request, response);
    }

    private static ProblemDetail refused(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle(TITLE);
        return problem;
    }
}
