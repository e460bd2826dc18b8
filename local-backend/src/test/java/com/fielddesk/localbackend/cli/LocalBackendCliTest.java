package com.fielddesk.localbackend.cli;

import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackendConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBackendCliTest {

    @Test
    void serveTakesPortDataResetAndScale() {
        LocalBackendConfig config = LocalBackendCli.parse(
                new String[] {"serve", "--port", "0", "--data", "/tmp/fd", "--reset", "--scale", "20"});

        assertThat(config).isEqualTo(new LocalBackendConfig(Path.of("/tmp/fd"), 0, true, DemoDataOption.scaled(20)));
    }

    @Test
    void defaultsAreTheSupabaseCliPortTheUserDataFolderAndTheStandardDemo() {
        LocalBackendConfig config = LocalBackendCli.parse(new String[] {"serve"});

        assertThat(config.port()).isEqualTo(54321);
        assertThat(config.dataDirectory()).isEqualTo(LocalBackendConfig.defaultDataDirectory());
        assertThat(config.demo()).isEqualTo(DemoDataOption.standard());
        assertThat(config.dataDirectory().toString()).contains("FieldDesk");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> LocalBackendCli.parse(new String[] {})).hasMessageContaining("serve");
        assertThatThrownBy(() -> LocalBackendCli.parse(new String[] {"serve", "--port", "x"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalBackendCli.parse(new String[] {"serve", "--data"})).hasMessageContaining("--data");
        assertThatThrownBy(() -> LocalBackendCli.parse(new String[] {"serve", "--bogus"})).hasMessageContaining("--bogus");
    }
}
