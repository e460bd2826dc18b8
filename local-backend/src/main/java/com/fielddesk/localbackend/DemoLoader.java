package com.fielddesk.localbackend;

import javax.sql.DataSource;

/** Loads demo data on a first start. The demo package plugs in here once it exists. */
interface DemoLoader {

    void load(DataSource admin, DemoDataOption option);

    static DemoLoader forOption(DemoDataOption option) {
        if (option.wanted()) {
            throw new UnsupportedOperationException(
                    "Demo data is not available yet in this build; start with DemoDataOption.none()");
        }
        return (admin, ignored) -> { };
    }
}
