package org.entente.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.entente.platform.caller.LocalIssuer;
import org.entente.platform.caller.Role;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "Sign in as a sample PoC or role": a token minted by the embedded default's local issuer, the one
 * the local services trust. It exists only when the console is configured with the local issuer's
 * key directory, which never goes together with an OIDC issuer (see {@link ConsoleSettings}), and it
 * answers callers on this machine only: whoever reaches the console from the network, if it listens
 * there, must not mint a coordinator's token.
 */
@RestController
@ConditionalOnProperty("entente.console.local-issuer")
class SampleSignInController {

    private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");

    record SampleCaller(String role, String state) {
    }

    record SignedIn(String token) {
    }

    private final LocalIssuer issuer;

    SampleSignInController(ConsoleSettings settings) {
        this.issuer = LocalIssuer.inDirectory(settings.localIssuer());
    }

    @PostMapping("/sign-in/sample")
    SignedIn signIn(@RequestBody SampleCaller caller, HttpServletRequest request) {
        if (!fromLoopback(request)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Sample sign-in is offered on this machine only (127.0.0.1).");
        }
        Role role = role(caller.role()).orElseThrow(() -> new InvalidRequestException(List.of(
                new FieldViolation("role", "must be one of poc, coordinator, operator, planner, oversight"))));
        String state = caller.state() == null || caller.state().isBlank() ? null : caller.state().strip().toUpperCase(Locale.ROOT);
        if (role == Role.POC && (state == null || !STATE_CODE.matcher(state).matches())) {
            throw new InvalidRequestException(List.of(new FieldViolation("state", "a PoC needs an ISO 3166-1 alpha-2 code such as EE")));
        }
        return new SignedIn(issuer.token(role, role == Role.POC ? state : null));
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        try {
            // The remote address is a literal IP: no name is looked up.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<Role> role(String label) {
        return label == null ? Optional.empty() : Arrays.stream(Role.values())
                .filter(role -> role.name().equalsIgnoreCase(label.strip())).findFirst();
    }
}
