package com.fielddesk.localbackend;

import com.fielddesk.localbackend.demo.DemoDataGenerator;
import com.fielddesk.localbackend.demo.DemoScale;
import com.fielddesk.localbackend.demo.DemoSummary;

import javax.sql.DataSource;
import java.time.Instant;

/** Loads the demo data a {@link DemoDataOption} asks for, anchored at the moment of the first start. */
final class DemoLoader {

    private DemoLoader() {
    }

    /** @param rowsWritten told the rows written so far and the rows to write, as the load goes */
    static DemoSummary load(DataSource postgresRole, DemoDataOption option, DemoDataGenerator.RowProgress rowsWritten) {
        DemoScale scale = switch (option.kind()) {
            case STANDARD -> DemoScale.standard();
            case SCALED -> DemoScale.ofWorkOrders(option.scale());
            case NONE -> throw new IllegalArgumentException("No demo data was asked for");
        };
        return new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, Instant.now(), scale).writeTo(postgresRole, rowsWritten);
    }
}
