package com.fielddesk.domain.settings;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.leads.Trade;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which leads the pool offers the company: opted in or not, for which trades, in which postal codes
 * (checked like the server: known trades only, at most 500 codes). Codes are kept as typed, without
 * surrounding spaces, upper-case and without duplicates ("sw1a 1aa" and "SW1A 1AA" are one code).
 */
public record LeadPreferences(boolean optIn, Set<Trade> trades, List<String> postalCodes) {

    public static final int MAX_POSTAL_CODES = 500;
    public static final int POSTAL_CODE_MAX = 20;

    public LeadPreferences {
        trades = Set.copyOf(trades);
        Set<String> unique = new LinkedHashSet<>();
        for (String code : postalCodes) {
            String clean = clean(code);
            if (!clean.isEmpty()) {
                unique.add(clean);
            }
        }
        postalCodes = List.copyOf(unique);
    }

    /** A postal code as it is kept: without surrounding spaces, upper-case. */
    public static String clean(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with one typed postal code (cleaned first), if anything. */
    public static java.util.Optional<String> postalCodeProblem(String typed) {
        String code = clean(typed);
        if (code.isEmpty()) {
            return java.util.Optional.of("Type a postal code first.");
        }
        if (code.codePointCount(0, code.length()) > POSTAL_CODE_MAX) {
            return java.util.Optional.of("“" + code + "” is not a postal code (at most " + POSTAL_CODE_MAX + " characters).");
        }
        return java.util.Optional.empty();
    }

    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (trades.stream().anyMatch(trade -> !trade.isKnown())) {
            problems.add(new FieldError("trades", "Pick trades from HVAC, plumbing and electrical."));
        }
        if (optIn && trades.isEmpty()) {
            problems.add(new FieldError("trades", "Pick at least one trade to receive leads."));
        }
        if (postalCodes.size() > MAX_POSTAL_CODES) {
            problems.add(new FieldError("postalCodes", "At most " + MAX_POSTAL_CODES + " postal codes (" + postalCodes.size()
                    + " now)."));
        }
        postalCodes.stream().map(LeadPreferences::postalCodeProblem).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(problem -> problems.add(new FieldError("postalCodes", problem)));
        if (optIn && postalCodes.isEmpty()) {
            problems.add(new FieldError("postalCodes", "Add the postal codes you serve to receive leads."));
        }
        return problems;
    }
}
