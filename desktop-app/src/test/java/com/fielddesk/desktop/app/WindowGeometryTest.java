package com.fielddesk.desktop.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's window is always whole on a screen's usable area. */
class WindowGeometryTest {

    /** A 1920×1080 monitor with a 40 px taskbar at the bottom. */
    private static final Rectangle2D DESKTOP = new Rectangle2D(0, 0, 1920, 1040);
    /** A 1366×768 laptop with its taskbar: 728 px of height to use. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);

    @Test
    void aFirstStartIsCentredAtTheDefaultSizeWhereItFits() {
        assertThat(WindowGeometry.fitted(Double.NaN, Double.NaN, 1280, 800, DESKTOP)).isEqualTo(new Rectangle2D(320, 120, 1280, 800));
    }

    @Test
    void aFirstStartOnALaptopKeepsTheStatusBarAboveTheTaskbar() {
        assertThat(WindowGeometry.fitted(Double.NaN, Double.NaN, 1280, 800, LAPTOP)).isEqualTo(new Rectangle2D(43, 0, 1280, 728));
    }

    @Test
    void aSizeKeptFromALargerMonitorIsShrunkAndMovedInside() {
        assertThat(WindowGeometry.fitted(300, 200, 1900, 1000, LAPTOP)).isEqualTo(new Rectangle2D(0, 0, 1366, 728));
        assertThat(WindowGeometry.fitted(1000, 600, 1280, 800, DESKTOP)).isEqualTo(new Rectangle2D(640, 240, 1280, 800));
    }

    @Test
    void aPlaceOnASecondScreenToTheLeftStaysOnIt() {
        Rectangle2D left = new Rectangle2D(-1920, 0, 1920, 1040);
        assertThat(WindowGeometry.fitted(-1800, 50, 1280, 800, left)).isEqualTo(new Rectangle2D(-1800, 50, 1280, 800));
    }

    @Test
    void neverSmallerThanUsefulUnlessTheScreenIs() {
        assertThat(WindowGeometry.fitted(10, 10, 300, 200, DESKTOP)).isEqualTo(new Rectangle2D(10, 10, 900, 600));
        assertThat(WindowGeometry.fitted(Double.NaN, Double.NaN, 1280, 800, new Rectangle2D(0, 0, 800, 560)))
                .isEqualTo(new Rectangle2D(0, 0, 800, 560));
    }
}
