package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.DemoLogin;

import java.util.List;

/** The Local demo's documented logins, as the demo data generator publishes them. */
final class DemoLogins {
    private DemoLogins() {
    }

    static List<DemoLogin> documented() {
        return List.of();
    }
}
