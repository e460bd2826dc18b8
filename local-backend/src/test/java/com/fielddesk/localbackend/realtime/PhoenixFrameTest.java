package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.realtime.PhoenixFrame.Vsn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoenixFrameTest {

    @Test
    void decodesVersionOneObjects() {
        PhoenixFrame frame = PhoenixFrame.decode(
                "{\"topic\":\"realtime:jobs\",\"event\":\"phx_join\",\"payload\":{\"a\":1},\"ref\":\"2\",\"join_ref\":\"2\"}", Vsn.V1);

        assertThat(frame).isEqualTo(new PhoenixFrame("2", "2", "realtime:jobs", "phx_join", json("{\"a\":1}")));
    }

    @Test
    void decodesVersionTwoArraysWithNullRefs() {
        PhoenixFrame frame = PhoenixFrame.decode("[null,\"7\",\"phoenix\",\"heartbeat\",{}]", Vsn.V2);

        assertThat(frame).isEqualTo(new PhoenixFrame(null, "7", "phoenix", "heartbeat", json("{}")));
    }

    @Test
    void encodesEachVersionInItsOwnShape() {
        PhoenixFrame push = new PhoenixFrame("3", null, "realtime:jobs", "system", json("{\"status\":\"ok\"}"));

        assertThat(json(push.encode(Vsn.V2))).isEqualTo(json("[\"3\",null,\"realtime:jobs\",\"system\",{\"status\":\"ok\"}]"));
        assertThat(json(push.encode(Vsn.V1))).isEqualTo(json(
                "{\"topic\":\"realtime:jobs\",\"event\":\"system\",\"payload\":{\"status\":\"ok\"},\"ref\":null,\"join_ref\":\"3\"}"));
    }

    @Test
    void replyCarriesTheRequestRefsAndStatus() {
        PhoenixFrame heartbeat = PhoenixFrame.decode("[null,\"9\",\"phoenix\",\"heartbeat\",{}]", Vsn.V2);

        PhoenixFrame reply = PhoenixFrame.reply(heartbeat, "ok", null);

        assertThat(json(reply.encode(Vsn.V2))).isEqualTo(
                json("[null,\"9\",\"phoenix\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]"));
    }

    @Test
    void roundTripsBothVersions() {
        PhoenixFrame frame = new PhoenixFrame("1", "4", "realtime:x", "access_token", json("{\"access_token\":\"t\"}"));

        for (Vsn vsn : Vsn.values()) {
            assertThat(PhoenixFrame.decode(frame.encode(vsn), vsn)).isEqualTo(frame);
        }
    }

    @Test
    void refusesFramesOfTheOtherVersionOrWithoutTopic() {
        for (String bad : List.of("{\"topic\":\"t\",\"event\":\"e\"}", "[1,2,3]", "not json")) {
            assertThatThrownBy(() -> PhoenixFrame.decode(bad, Vsn.V2)).isInstanceOf(PhoenixFrame.MalformedFrameException.class);
        }
        assertThatThrownBy(() -> PhoenixFrame.decode("[null,\"1\",\"t\",\"e\",{}]", Vsn.V1))
                .isInstanceOf(PhoenixFrame.MalformedFrameException.class);
        assertThatThrownBy(() -> PhoenixFrame.decode("{\"event\":\"e\",\"payload\":{}}", Vsn.V1))
                .isInstanceOf(PhoenixFrame.MalformedFrameException.class);
    }

    @Test
    void vsnParameterPicksTheSerialisation() {
        assertThat(Vsn.fromParameter(null)).isEqualTo(Vsn.V1);
        assertThat(Vsn.fromParameter("1.0.0")).isEqualTo(Vsn.V1);
        assertThat(Vsn.fromParameter("2.0.0")).isEqualTo(Vsn.V2);
        assertThatThrownBy(() -> Vsn.fromParameter("3.0.0")).isInstanceOf(PhoenixFrame.MalformedFrameException.class);
    }

    @Test
    void filtersParseRealtimeOperatorsIncludingQuotedInLists() {
        assertThat(ChangeFilter.parse("id=eq.42")).isEqualTo(new ChangeFilter("id", ChangeFilter.Operator.EQ, List.of("42")));
        assertThat(ChangeFilter.parse("status=in.(open,\"a,b\")"))
                .isEqualTo(new ChangeFilter("status", ChangeFilter.Operator.IN, List.of("open", "a,b")));
        assertThat(ChangeFilter.parse("total=gte.10.5").operator()).isEqualTo(ChangeFilter.Operator.GTE);
        for (String bad : List.of("id=like.4", "id", "id=in.1,2", "1d=eq.4")) {
            assertThatThrownBy(() -> ChangeFilter.parse(bad)).isInstanceOf(ChangeFilter.InvalidFilterException.class);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
