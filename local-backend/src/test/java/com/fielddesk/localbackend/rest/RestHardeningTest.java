package com.fielddesk.localbackend.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.RawHttp;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that once crashed or slipped through the REST layer: deep logic trees, bodies that are
 * not UTF-8, lone surrogates, NUL escapes and media types PostgREST does not parse. Each is
 * refused with a 400 in PostgREST's error shape and writes nothing.
 */
class RestHardeningTest {

    private static final TestBackend BACKEND = TestBackend.shared();
    private static SignedInUser writer;

    @BeforeAll
    static void createTable() {
        BACKEND.sql("""
                create table if not exists public.rh_notes (
                  id bigint generated always as identity primary key,
                  owner uuid not null default auth.uid(),
                  body text,
                  data jsonb);
                grant select, insert, update, delete on public.rh_notes to authenticated;
                alter table public.rh_notes enable row level security;
                drop policy if exists rh_notes_own on public.rh_notes;
                create policy rh_notes_own on public.rh_notes for all to authenticated
                  using (owner = auth.uid()) with check (owner = auth.uid());
                """);
        writer = BACKEND.newSignedInUser("rest-hardening");
    }

    @Test
    void aDeeplyNestedLogicTreeIsA400NotAStackOverflow() {
        // 1 500 levels still fit in Jetty's 8 KiB request line; they overflowed the renderer's stack before.
        for (int depth : new int[] {33, 1_500}) {
            String tree = "or(".repeat(depth - 1) + "id.eq.1" + ")".repeat(depth - 1);
            HttpResponse<String> response = BACKEND.send("GET", "/rest/v1/rh_notes?or=(" + tree + ")",
                    writer.accessToken(), null);

            assertThat(response.statusCode()).as("depth " + depth).isEqualTo(400);
            JsonNode error = TestBackend.read(response.body());
            assertThat(error.get("code").asText()).isEqualTo("PGRST100");
            assertThat(error.get("message").asText()).startsWith("\"failed to parse logic tree (");
            assertThat(error.get("details").asText()).contains("at most 32");
        }
    }

    @Test
    void logicTreesUpToTheLimitStillWork() {
        String tree = "and(".repeat(31) + "id.gt.0,id.lt.0" + ")".repeat(31);
        HttpResponse<String> response = BACKEND.send("GET", "/rest/v1/rh_notes?or=(" + TestBackend.encode(tree) + ")",
                writer.accessToken(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void deeplyNestedEmbedsAreA400() {
        String select = "id," + "rh_notes(".repeat(40) + "id" + ")".repeat(40);
        HttpResponse<String> response = BACKEND.send("GET", "/rest/v1/rh_notes?select=" + TestBackend.encode(select),
                writer.accessToken(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestBackend.read(response.body()).get("code").asText()).isEqualTo("PGRST100");
    }

    @Test
    void embedsNestedToTheLimitAnswerWithinTheStatementTimeout() {
        var tenants = BACKEND.tenants();
        var company = tenants.company("Embed depth " + java.util.UUID.randomUUID(),
                com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences.serving("hvac", "20001"));
        tenants.job(company);
        SignedInUser csr = BACKEND.staff(company, "csr");
        int pairs = QueryParser.MAX_EMBED_DEPTH / 2;
        String select = "id," + "customers(id,work_orders(".repeat(pairs) + "id" + "))".repeat(pairs);

        HttpResponse<String> response = BACKEND.send("GET", "/rest/v1/work_orders?select=" + TestBackend.encode(select),
                csr.accessToken(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedAndNothingWritten() {
        byte[] body = concat("{\"body\":\"caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
                "\"}".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Answer answer = post("application/json", body);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = TestBackend.read(answer.body());
        assertThat(error.get("code").asText()).isEqualTo("PGRST102");
        assertThat(error.get("details").asText()).isEqualTo("The request body is not valid UTF-8");
        assertNothingWritten();
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedAsPostgresqlRefusesIt() {
        for (String json : new String[] {"{\"body\":\"a\\ud800b\"}", "{\"data\":{\"k\":[\"\\udc00\"]}}", "{\"\\ud800\":1}"}) {
            RawHttp.Answer answer = post("application/json", json.getBytes(StandardCharsets.US_ASCII));

            assertThat(answer.status()).as(json).isEqualTo(400);
            JsonNode error = TestBackend.read(answer.body());
            assertThat(error.get("code").asText()).isEqualTo("22P02");
            assertThat(error.get("message").asText()).isEqualTo("invalid input syntax for type json");
        }
        assertNothingWritten();
    }

    @Test
    void aNulEscapeIsRefusedWith22P05() {
        RawHttp.Answer answer = post("application/json", "{\"body\":\"a\\u0000b\"}".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = TestBackend.read(answer.body());
        assertThat(error.get("code").asText()).isEqualTo("22P05");
        assertThat(error.get("message").asText()).isEqualTo("unsupported Unicode escape sequence");
        assertNothingWritten();
    }

    @Test
    void aPairedSurrogateIsAnOrdinaryCharacter() {
        RawHttp.Answer answer = post("application/json; charset=utf-8",
                "{\"body\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        HttpResponse<String> read = BACKEND.send("GET", "/rest/v1/rh_notes?select=body", writer.accessToken(), null);
        assertThat(TestBackend.read(read.body()).get(0).get("body").asText()).isEqualTo("\uD83D\uDE00");
        BACKEND.send("DELETE", "/rest/v1/rh_notes?id=gt.0", writer.accessToken(), null);
    }

    @Test
    void aMediaTypePostgrestDoesNotParseIsRefusedAsPostgrestRefusesIt() {
        for (String type : new String[] {"text/plain", "application/xml", "text/csv", "application/vnd.pgrst.object+json"}) {
            RawHttp.Answer answer = post(type, "{\"body\":\"x\"}".getBytes(StandardCharsets.US_ASCII));

            assertThat(answer.status()).as(type).isEqualTo(400);
            JsonNode error = TestBackend.read(answer.body());
            assertThat(error.get("code").asText()).isEqualTo("PGRST102");
            assertThat(error.get("message").asText()).isEqualTo("Content-Type not acceptable: " + type);
        }
        assertNothingWritten();
    }

    @Test
    void aBodyWithoutContentTypeIsJson() {
        RawHttp.Answer answer = post(null, "{\"body\":\"plain\"}".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        BACKEND.send("DELETE", "/rest/v1/rh_notes?id=gt.0", writer.accessToken(), null);
    }

    private static RawHttp.Answer post(String contentType, byte[] body) {
        String head = "POST /rest/v1/rh_notes HTTP/1.1\r\napikey: " + BACKEND.anonKey()
                + "\r\nAuthorization: Bearer " + writer.accessToken()
                + (contentType == null ? "" : "\r\nContent-Type: " + contentType);
        return RawHttp.exchange(BACKEND.url(), head, body);
    }

    private static void assertNothingWritten() {
        HttpResponse<String> read = BACKEND.send("GET", "/rest/v1/rh_notes?select=id", writer.accessToken(), null);
        assertThat(read.body()).isEqualTo("[]");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
