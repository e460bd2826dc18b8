package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.localbackend.demo.DemoDataGenerator;

import java.util.Comparator;
import java.util.List;

/** The Local demo's documented logins, as the demo data generator publishes them; office roles first. */
final class DemoLogins {
    private DemoLogins() {
    }

    private static final List<String> ROLE_ORDER = List.of("dispatcher", "csr", "supervisor", "admin", "technician");

    static List<DemoLogin> documented() {
        return DemoDataGenerator.demoLogins().stream()
                .map(login -> new DemoLogin(login.email(), login.password(), login.role(), login.companyName()))
                .sorted(Comparator.comparing((DemoLogin login) -> rank(login.role())).thenComparing(DemoLogin::companyName))
                .toList();
    }

    private static int rank(String role) {
        int index = ROLE_ORDER.indexOf(role);
        return index < 0 ? ROLE_ORDER.size() : index;
    }
}
