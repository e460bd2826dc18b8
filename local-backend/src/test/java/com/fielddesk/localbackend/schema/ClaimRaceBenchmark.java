package com.fielddesk.localbackend.schema;

import java.util.Locale;
import com.fielddesk.localbackend.schema.ClaimRace.Outcome;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The claim race at the SQL level (no HTTP): rounds of 50 claimers from 3 companies on a fresh
 * lead each. Prints claim latency percentiles over all claims and fails (exit 1) if any round has
 * other than exactly one winner. A benchmark, not a test: run it as a main.
 * Arguments: [rounds, default 20] [claimers per round, default 50].
 */
public final class ClaimRaceBenchmark {

    private ClaimRaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int claimersPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        List<Company> companies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            companies.add(fixtures.company("Bench " + i, LeadPreferences.serving("hvac", "02139")));
        }
        List<AppUser> claimers = new ArrayList<>();
        for (int i = 0; i < claimersPerRound; i++) {
            claimers.add(fixtures.staff(companies.get(i % companies.size()), "csr"));
        }

        List<Long> latencies = new ArrayList<>();
        List<Long> winnerLatencies = new ArrayList<>();
        int badRounds = 0;
        for (int round = 0; round < rounds; round++) {
            UUID lead = fixtures.openLead("hvac", "02139");
            List<Outcome> outcomes = ClaimRace.run(fixtures.superuser(), claimers, lead);
            long winners = outcomes.stream().filter(Outcome::won).count();
            long alreadyClaimed = outcomes.stream().filter(o -> "already_claimed".equals(o.result())).count();
            if (winners != 1 || alreadyClaimed != claimersPerRound - 1) {
                badRounds++;
            }
            outcomes.forEach(o -> latencies.add(o.nanos()));
            outcomes.stream().filter(Outcome::won).forEach(o -> winnerLatencies.add(o.nanos()));
        }
        latencies.sort(null);
        winnerLatencies.sort(null);
        System.out.printf(Locale.ROOT, "claim race: %d rounds x %d claimers, rounds with other than one winner: %d%n",
                rounds, claimersPerRound, badRounds);
        System.out.printf(Locale.ROOT, "all claims   p50 %.1f ms  p95 %.1f ms  max %.1f ms%n",
                millis(latencies, 0.50), millis(latencies, 0.95), millis(latencies, 1.0));
        System.out.printf(Locale.ROOT, "winning claim p50 %.1f ms  p95 %.1f ms%n", millis(winnerLatencies, 0.50), millis(winnerLatencies, 0.95));
        System.exit(badRounds == 0 ? 0 : 1);
    }

    private static double millis(List<Long> sorted, double percentile) {
        int index = (int) Math.ceil(percentile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
