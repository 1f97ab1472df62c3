package org.entente.platform.states;

import java.util.regex.Pattern;

/** What a state code looks like: an ISO 3166-1 alpha-2 code such as {@code EE}. */
public final class StateCodes {

    /** The answer to a code that is not an alpha-2 code, wherever one enters from outside. */
    public static final String MALFORMED = "must be an ISO 3166-1 alpha-2 code such as EE";

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    private StateCodes() {
    }

    public static boolean wellFormed(String code) {
        return code != null && ALPHA_2.matcher(code).matches();
    }

    /** The answer to a well-formed code that is not one of the registered states; it names the code. */
    public static String unregistered(String code) {
        return code + " is not a registered state";
    }
}
