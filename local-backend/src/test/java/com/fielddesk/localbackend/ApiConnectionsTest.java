package com.fielddesk.localbackend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's connection pool follows the machine's cores (two per core plus one), so a burst of
 * requests on a small machine does not run more transactions at once than its cores can serve,
 * while a large machine keeps the 16 connections it had.
 */
class ApiConnectionsTest {

    @Test
    void twoConnectionsPerCorePlusOneBetweenFourAndSixteen() {
        assertThat(LocalBackend.apiConnections(1)).isEqualTo(4);
        assertThat(LocalBackend.apiConnections(2)).isEqualTo(5);
        assertThat(LocalBackend.apiConnections(4)).isEqualTo(9);
        assertThat(LocalBackend.apiConnections(16)).isEqualTo(16);
    }

    @Test
    void thePoolIsSizedFromTheCoresUnlessABenchmarkFixesIt() {
        assertThat(LocalBackendOptions.defaults().apiConnections()).isZero();
        assertThat(LocalBackendOptions.defaults().withApiConnections(5).withAuth(null).apiConnections()).isEqualTo(5);
        assertThatThrownBy(() -> LocalBackendOptions.defaults().withApiConnections(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
