package com.fielddesk.localbackend.auth;

import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown email must cost as much as a wrong password (a bcrypt verification of the same
 * cost), or the answer time tells an attacker which emails have accounts. Without the dummy
 * verification an unknown email answered in a few milliseconds against tens for a wrong password.
 */
class SignInTimingTest {

    private static final TestBackend BACKEND = TestBackend.shared();
    private static final int SAMPLES = 30;

    @Test
    void anUnknownEmailTakesAsLongAsAWrongPassword() {
        String email = BACKEND.uniqueEmail("timing");
        BACKEND.createUser(email, "the-right-password");
        // Warm up both paths (class loading, JIT, connection pool) before measuring.
        for (int i = 0; i < 5; i++) {
            signInMillis(email, "wrong-password");
            signInMillis(BACKEND.uniqueEmail("absent"), "wrong-password");
        }

        List<Double> wrongPassword = new ArrayList<>();
        List<Double> unknownEmail = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            wrongPassword.add(signInMillis(email, "wrong-password-" + i));
            unknownEmail.add(signInMillis(BACKEND.uniqueEmail("absent"), "wrong-password-" + i));
        }

        double wrong = median(wrongPassword);
        double unknown = median(unknownEmail);
        System.out.printf(java.util.Locale.ROOT, "sign-in median ms: unknown email %.1f, wrong password %.1f (%d each)%n",
                unknown, wrong, SAMPLES);
        assertThat(unknown)
                .as("median ms: unknown email %.1f, wrong password %.1f", unknown, wrong)
                .isBetween(wrong * 0.6, wrong * 1.67);
    }

    private static double signInMillis(String email, String password) {
        long start = System.nanoTime();
        HttpResponse<String> response = BACKEND.send("POST", "/auth/v1/token?grant_type=password", null,
                TestBackend.write(Map.of("email", email, "password", password)));
        double millis = (System.nanoTime() - start) / 1e6;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestBackend.read(response.body()).get("error_code").asText()).isEqualTo("invalid_credentials");
        return millis;
    }

    private static double median(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
