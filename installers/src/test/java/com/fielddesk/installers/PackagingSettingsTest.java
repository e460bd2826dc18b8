package com.fielddesk.installers;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackagingSettingsTest {

    @Test
    void installerVersionIsThePomVersionWithoutItsQualifier() {
        assertThat(PackagingSettings.numericVersion("1.0.0-SNAPSHOT")).isEqualTo("1.0.0");
        assertThat(PackagingSettings.numericVersion("2.3")).isEqualTo("2.3.0");
        assertThat(PackagingSettings.numericVersion("4.5.6.RC1")).isEqualTo("4.5.6");
    }

    @Test
    void versionsThatMacOsOrWindowsInstallersRefuseAreRejectedUpFront() {
        assertThatThrownBy(() -> PackagingSettings.numericVersion("0.1.0-SNAPSHOT"))
                .isInstanceOf(PackagingException.class).hasMessageContaining("major version from 1 to 255");
        assertThatThrownBy(() -> PackagingSettings.numericVersion("SNAPSHOT"))
                .isInstanceOf(PackagingException.class).hasMessageContaining("must start with a number");
    }

    @Test
    void missingPackagingOptionIsNamed() {
        assertThatThrownBy(() -> PackagingSettings.fromArguments(new String[] {"--input", "x"}))
                .isInstanceOf(PackagingException.class).hasMessageContaining("--main-jar");
    }

    @Test
    void windowsIconWrapsThePngInAnIcoDirectory() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        byte[] ico = IconRenderer.ico(png);
        ByteBuffer header = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(2)).as("type icon").isEqualTo((short) 1);
        assertThat(header.getShort(4)).as("one image").isEqualTo((short) 1);
        assertThat(header.getInt(6 + 8)).as("image size").isEqualTo(png.length);
        assertThat(header.getInt(6 + 12)).as("image offset").isEqualTo(22);
        assertThat(Arrays.copyOfRange(ico, 22, ico.length)).isEqualTo(png);
    }

    @Test
    void macIconIsAnIcnsWithOnePngEntry() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 9};
        byte[] icns = IconRenderer.icns(png);
        ByteBuffer data = ByteBuffer.wrap(icns);
        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(data.getInt(4)).isEqualTo(icns.length);
        assertThat(new String(icns, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("ic08");
        assertThat(data.getInt(12)).isEqualTo(8 + png.length);
    }

    @Test
    void iconIsDrawnOpaqueInTheMiddleAndTransparentInTheCorners() {
        var image = IconRenderer.render();
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        assertThat(image.getRGB(128, 200) >>> 24).as("tile alpha").isEqualTo(255);
    }
}
