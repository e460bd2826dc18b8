package com.fielddesk.localbackend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's connection pool follows the machine's cores (two per core plus one) between
 * PostgREST's default of 10 and the 16 connections it had: a small machine keeps enough for a few
 * consoles syncing at once, a large one does not run more transactions than it had before.
 */
class ApiConnectionsTest {

    @Test
    void twoConnectionsPerCorePlusOneBetweenTenAndSixteen() {
        assertThat(LocalBackend.apiConnections(1)).isEqualTo(10);
        assertThat(LocalBackend.apiConnections(2)).isEqualTo(10);
        assertThat(LocalBackend.apiConnections(6)).isEqualTo(13);
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
