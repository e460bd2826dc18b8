package com.fielddesk.localbackend.rest;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgREST behaviour over real HTTP, on tables this test creates: two owners' teams with
 * members, RLS by owner, and a few functions.
 */
class RestApiTest {

    private static final TestBackend BACKEND = TestBackend.shared();
    private static SignedInUser alice;
    private static SignedInUser bob;
    private static UUID aliceTeam;
    private static UUID bobTeam;

    @BeforeAll
    static void createSchema() {
        BACKEND.sql("""
                create table public.rt_teams (
                  id uuid primary key default gen_random_uuid(),
                  name text not null unique,
                  owner uuid not null default auth.uid(),
                  city text default 'Springfield',
                  created_at timestamptz not null default now());
                create table public.rt_members (
                  id bigint generated always as identity primary key,
                  team_id uuid not null references public.rt_teams (id) on delete cascade,
                  name text not null,
                  score int,
                  tags text[] not null default '{}',
                  data jsonb,
                  unique (team_id, name));
                grant select, insert, update, delete on public.rt_teams, public.rt_members to authenticated;
                revoke all on public.rt_teams, public.rt_members from anon;
                grant select on public.rt_members to anon;
                alter table public.rt_teams enable row level security;
                alter table public.rt_members enable row level security;
                create policy rt_teams_own on public.rt_teams for all to authenticated
                  using (owner = auth.uid()) with check (owner = auth.uid());
                create policy rt_members_own on public.rt_members for all to authenticated
                  using (exists (select 1 from public.rt_teams t where t.id = team_id and t.owner = auth.uid()))
                  with check (exists (select 1 from public.rt_teams t where t.id = team_id and t.owner = auth.uid()));
                create function public.rt_add(a int, b int default 1) returns int language sql immutable as 'select a + b';
                create function public.rt_team_members(team uuid) returns setof public.rt_members
                  language sql stable as 'select * from public.rt_members where team_id = team';
                create function public.rt_refuse() returns void language plpgsql as $$
                  begin
                    raise sqlstate 'PGRST' using
                      message = '{"code":"FD001","message":"Already claimed","details":"someone else","hint":"refresh"}',
                      detail = '{"status":409,"headers":{"X-Claimed-By":"other"}}';
                  end $$;
                create function public.rt_statement_timeout() returns text language sql stable as
                  'select current_setting(''statement_timeout'')';
                create function public.rt_touch() returns int language sql volatile as
                  'insert into public.rt_teams (name, owner) values (gen_random_uuid()::text, auth.uid()) returning 1';
                """);
        alice = BACKEND.newSignedInUser("alice");
        bob = BACKEND.newSignedInUser("bob");
        aliceTeam = UUID.fromString(insert(alice, "rt_teams", "{\"name\":\"Alpha\"}").get(0).get("id").asText());
        bobTeam = UUID.fromString(insert(bob, "rt_teams", "{\"name\":\"Bravo\"}").get(0).get("id").asText());
        insert(alice, "rt_members", "[" + member(aliceTeam, "ann", 10, "{a,b}") + "," + member(aliceTeam, "al", 20, "{b}")
                + "," + member(aliceTeam, "amy", null, "{}") + "," + member(aliceTeam, "abe", 40, "{a}") + "]");
        insert(bob, "rt_members", "[" + member(bobTeam, "bea", 99, "{a}") + "]");
    }

    private static String member(UUID team, String name, Integer score, String tags) {
        return "{\"team_id\":\"" + team + "\",\"name\":\"" + name + "\",\"score\":" + score + ",\"tags\":\"" + tags
                + "\",\"data\":{\"level\":{\"rank\":\"" + name.toUpperCase(Locale.ROOT) + "\"}}}";
    }

    private static JsonNode insert(SignedInUser user, String table, String body) {
        HttpResponse<String> response = BACKEND.send("POST", "/rest/v1/" + table, user.accessToken(), body,
                "Prefer", "return=representation");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestBackend.read(response.body());
    }

    private static HttpResponse<String> get(SignedInUser user, String pathAndQuery, String... headers) {
        return BACKEND.send("GET", "/rest/v1/" + pathAndQuery, user == null ? null : user.accessToken(), null, headers);
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 206);
        return TestBackend.read(response.body()).findValuesAsText("name");
    }

    @Test
    void selectsColumnsWithAliasesCastsAndJsonPaths() {
        HttpResponse<String> response = get(alice, "rt_members?select=who:name,score::text,data-%3Elevel-%3E%3Erank&name=eq.ann");

        assertThat(TestBackend.read(response.body())).isEqualTo(
                TestBackend.read("[{\"who\":\"ann\",\"score\":\"10\",\"rank\":\"ANN\"}]"));
    }

    @Test
    void rlsShowsEachUserOnlyTheirOwnRows() {
        assertThat(names(get(alice, "rt_teams?select=name"))).containsExactly("Alpha");
        assertThat(names(get(bob, "rt_members?select=name"))).containsExactly("bea");
        assertThat(names(get(null, "rt_members?select=name"))).isEmpty();
    }

    @Test
    void filtersCombine() {
        assertThat(names(get(alice, "rt_members?select=name&score=gte.20&order=name"))).containsExactly("abe", "al");
        assertThat(names(get(alice, "rt_members?select=name&name=in.(ann,amy,%22x,y%22)&order=name"))).containsExactly("amy", "ann");
        assertThat(names(get(alice, "rt_members?select=name&score=is.null"))).containsExactly("amy");
        assertThat(names(get(alice, "rt_members?select=name&name=like.a*&score=not.is.null&order=name")))
                .containsExactly("abe", "al", "ann");
        assertThat(names(get(alice, "rt_members?select=name&name=ilike.AN*"))).containsExactly("ann");
        assertThat(names(get(alice, "rt_members?select=name&tags=cs.%7Ba%7D&order=name"))).containsExactly("abe", "ann");
        assertThat(names(get(alice, "rt_members?select=name&tags=cd.%7Ba,b%7D&score=neq.10&order=name")))
                .containsExactly("abe", "al");
        assertThat(names(get(alice, "rt_members?select=name&or=(score.lt.15,name.eq.abe)&order=name"))).containsExactly("abe", "ann");
        assertThat(names(get(alice, "rt_members?select=name&or=(score.gt.30,and(name.like.a*,score.lt.15))&order=name")))
                .containsExactly("abe", "ann");
        assertThat(names(get(alice, "rt_members?select=name&not.or=(score.is.null,score.gt.15)"))).containsExactly("ann");
        assertThat(names(get(alice, "rt_members?select=name&data-%3Elevel-%3E%3Erank=eq.AL"))).containsExactly("al");
    }

    @Test
    void ordersLimitsAndCountsWithContentRange() {
        HttpResponse<String> page = get(alice, "rt_members?select=name&order=score.desc.nullslast&limit=2&offset=1",
                "Prefer", "count=exact");

        assertThat(page.statusCode()).isEqualTo(206);
        assertThat(names(page)).containsExactly("al", "ann");
        assertThat(page.headers().firstValue("Content-Range")).contains("1-2/4");
        assertThat(page.headers().firstValue("Preference-Applied")).contains("count=exact");

        HttpResponse<String> whole = get(alice, "rt_members?select=name", "Prefer", "count=exact");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Range")).contains("0-3/4");

        HttpResponse<String> ranged = get(alice, "rt_members?select=name&order=name", "Range", "0-1");
        assertThat(names(ranged)).containsExactly("abe", "al");
        assertThat(ranged.headers().firstValue("Content-Range")).contains("0-1/*");
    }

    @Test
    void anOffsetPastTheEndIs416() {
        HttpResponse<String> response = get(alice, "rt_members?offset=10", "Prefer", "count=exact");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(TestBackend.read(response.body()).get("code").asText()).isEqualTo("PGRST103");
    }

    @Test
    void embedsAlongForeignKeysInBothDirections() {
        JsonNode toOne = TestBackend.read(get(alice, "rt_members?select=name,team:rt_teams(name)&name=eq.al").body());
        JsonNode toMany = TestBackend.read(get(alice,
                "rt_teams?select=name,rt_members(name)&rt_members.order=name.desc&rt_members.score=gt.15").body());

        assertThat(toOne).isEqualTo(TestBackend.read("[{\"name\":\"al\",\"team\":{\"name\":\"Alpha\"}}]"));
        assertThat(toMany).isEqualTo(TestBackend.read("[{\"name\":\"Alpha\",\"rt_members\":[{\"name\":\"al\"},{\"name\":\"abe\"}]}]"));
        assertThat(names(get(alice, "rt_teams?select=name,rt_members!inner(name)&rt_members.name=eq.nobody"))).isEmpty();
    }

    @Test
    void anUnknownRelationshipIsPgrst200() {
        HttpResponse<String> response = get(alice, "rt_teams?select=name,auth_users(*)");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestBackend.read(response.body()).get("code").asText()).isEqualTo("PGRST200");
    }

    @Test
    void singleObjectAcceptReturnsAnObjectOr406() {
        HttpResponse<String> one = get(alice, "rt_members?select=name&name=eq.ann", "Accept", "application/vnd.pgrst.object+json");
        HttpResponse<String> many = get(alice, "rt_members?select=name", "Accept", "application/vnd.pgrst.object+json");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(TestBackend.read(one.body())).isEqualTo(TestBackend.read("{\"name\":\"ann\"}"));
        assertThat(many.statusCode()).isEqualTo(406);
        JsonNode error = TestBackend.read(many.body());
        assertThat(error.get("code").asText()).isEqualTo("PGRST116");
        assertThat(error.get("details").asText()).isEqualTo("The result contains 4 rows");
    }

    @Test
    void aWriteAnsweredWith406IsRolledBack() {
        HttpResponse<String> response = BACKEND.send("PATCH", "/rest/v1/rt_members?team_id=eq." + aliceTeam,
                alice.accessToken(), "{\"score\":0}", "Prefer", "return=representation",
                "Accept", "application/vnd.pgrst.object+json");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(names(get(alice, "rt_members?select=name&score=eq.0"))).isEmpty();
    }

    @Test
    void insertsUpdatesAndDeletesWithReturnPreferences() {
        HttpResponse<String> minimal = BACKEND.send("POST", "/rest/v1/rt_teams", alice.accessToken(), "{\"name\":\"Gamma\"}");
        assertThat(minimal.statusCode()).isEqualTo(201);
        assertThat(minimal.body()).isEmpty();

        HttpResponse<String> patched = BACKEND.send("PATCH", "/rest/v1/rt_teams?name=eq.Gamma&select=name,city",
                alice.accessToken(), "{\"city\":\"Shelbyville\"}", "Prefer", "return=representation");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(TestBackend.read(patched.body())).isEqualTo(TestBackend.read("[{\"name\":\"Gamma\",\"city\":\"Shelbyville\"}]"));

        HttpResponse<String> deleted = BACKEND.send("DELETE", "/rest/v1/rt_teams?name=eq.Gamma", alice.accessToken(), null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(names(get(alice, "rt_teams?select=name&name=eq.Gamma"))).isEmpty();
    }

    @Test
    void upsertMergesOrIgnoresDuplicatesOnTheConflictColumns() {
        String body = "{\"team_id\":\"" + aliceTeam + "\",\"name\":\"ann\",\"score\":11}";
        HttpResponse<String> ignored = BACKEND.send("POST", "/rest/v1/rt_members?on_conflict=team_id,name",
                alice.accessToken(), body, "Prefer", "resolution=ignore-duplicates,return=representation");
        assertThat(TestBackend.read(ignored.body())).isEmpty();

        HttpResponse<String> merged = BACKEND.send("POST", "/rest/v1/rt_members?on_conflict=team_id,name&select=name,score",
                alice.accessToken(), body, "Prefer", "resolution=merge-duplicates", "Prefer", "return=representation");
        assertThat(merged.statusCode()).isEqualTo(201);
        assertThat(merged.headers().firstValue("Preference-Applied").orElse("")).contains("resolution=merge-duplicates");
        assertThat(TestBackend.read(merged.body())).isEqualTo(TestBackend.read("[{\"name\":\"ann\",\"score\":11}]"));
        BACKEND.send("PATCH", "/rest/v1/rt_members?name=eq.ann", alice.accessToken(), "{\"score\":10}");
    }

    @Test
    void missingDefaultFillsAbsentKeysWithColumnDefaults() {
        String body = "[{\"name\":\"Delta\",\"city\":\"Ogdenville\"},{\"name\":\"Echo\"}]";
        HttpResponse<String> response = BACKEND.send("POST", "/rest/v1/rt_teams?select=name,city", alice.accessToken(),
                body, "Prefer", "return=representation,missing=default");

        assertThat(TestBackend.read(response.body())).isEqualTo(TestBackend.read(
                "[{\"name\":\"Delta\",\"city\":\"Ogdenville\"},{\"name\":\"Echo\",\"city\":\"Springfield\"}]"));
        BACKEND.send("DELETE", "/rest/v1/rt_teams?name=in.(Delta,Echo)", alice.accessToken(), null);
    }

    @Test
    void declaredColumnsLimitTheInsertAndWithMissingDefaultAbsentOnesTakeTheirDefault() {
        // supabase-js insert(rows, {defaultToNull: false}) sends exactly this.
        String body = "[{\"name\":\"Foxtrot\",\"city\":\"Capital City\",\"ignored\":1},{\"name\":\"Golf\"}]";
        HttpResponse<String> response = BACKEND.send("POST",
                "/rest/v1/rt_teams?columns=%22name%22,%22city%22&select=name,city", alice.accessToken(), body,
                "Prefer", "return=representation,missing=default");

        assertThat(TestBackend.read(response.body())).isEqualTo(TestBackend.read(
                "[{\"name\":\"Foxtrot\",\"city\":\"Capital City\"},{\"name\":\"Golf\",\"city\":\"Springfield\"}]"));
        HttpResponse<String> nulls = BACKEND.send("POST", "/rest/v1/rt_teams?columns=name,city&select=city",
                alice.accessToken(), "[{\"name\":\"Hotel\"}]", "Prefer", "return=representation");
        assertThat(TestBackend.read(nulls.body())).isEqualTo(TestBackend.read("[{\"city\":null}]"));
        BACKEND.send("DELETE", "/rest/v1/rt_teams?name=in.(Foxtrot,Golf,Hotel)", alice.accessToken(), null);
    }

    @Test
    void anRlsDeniedWriteIs403AndChangesNothing() {
        HttpResponse<String> response = BACKEND.send("POST", "/rest/v1/rt_members", alice.accessToken(),
                "[" + member(aliceTeam, "ok-row", 1, "{}") + "," + member(bobTeam, "intruder", 1, "{}") + "]");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestBackend.read(response.body()).get("code").asText()).isEqualTo("42501");
        assertThat(names(get(alice, "rt_members?select=name&name=eq.ok-row"))).isEmpty();
    }

    @Test
    void anonymousWritesAreRefusedWith401() {
        HttpResponse<String> response = BACKEND.send("POST", "/rest/v1/rt_teams", null, "{\"name\":\"anon\",\"owner\":\"" + alice.id() + "\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestBackend.read(response.body()).get("code").asText()).isEqualTo("42501");
    }

    @Test
    void aUniqueViolationIs409() {
        HttpResponse<String> response = BACKEND.send("POST", "/rest/v1/rt_teams", alice.accessToken(), "{\"name\":\"Alpha\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode error = TestBackend.read(response.body());
        assertThat(error.get("code").asText()).isEqualTo("23505");
        assertThat(error.get("message").asText()).contains("duplicate key value");
    }

    @Test
    void unknownNamesGetPostgrestsCodes() {
        assertError(get(alice, "rt_nothing"), 404, "PGRST205");
        assertError(get(alice, "rt_teams?select=nope"), 400, "42703");
        assertError(get(alice, "rt_teams?nope=eq.1"), 400, "42703");
        assertError(get(alice, "rt_teams?order=nope"), 400, "42703");
        assertError(BACKEND.send("POST", "/rest/v1/rt_teams", alice.accessToken(), "{\"nope\":1}"), 400, "PGRST204");
        assertError(get(alice, "rt_teams", "Accept-Profile", "private"), 406, "PGRST106");
        assertError(get(alice, "rt_teams?name=zz.1"), 400, "PGRST100");
        assertError(get(alice, "rt_teams?or=(name.eq.1"), 400, "PGRST100");
        assertError(get(alice, "rt_teams?limit=-1"), 400, "PGRST100");
        assertError(get(alice, "rt_teams?id=eq.not-a-uuid"), 400, "22P02");
    }

    @Test
    void malformedJsonIsPgrst102AndHugeBodiesAre413() {
        assertError(BACKEND.send("POST", "/rest/v1/rt_teams", alice.accessToken(), "{\"name\":"), 400, "PGRST102");
        assertError(BACKEND.send("POST", "/rest/v1/rt_teams", alice.accessToken(), "42"), 400, "PGRST102");
        String huge = "{\"name\":\"" + "x".repeat((int) com.fielddesk.localbackend.LocalBackend.MAX_BODY_BYTES) + "\"}";
        assertThat(BACKEND.send("POST", "/rest/v1/rt_teams", alice.accessToken(), huge).statusCode()).isEqualTo(413);
    }

    @Test
    void expiredAndForgedTokensAre401WithWwwAuthenticate() {
        HttpResponse<String> expired = BACKEND.send("GET", "/rest/v1/rt_teams",
                BACKEND.mintAccessToken(alice.id(), alice.email(), "authenticated", Duration.ofMinutes(-1)), null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(TestBackend.read(expired.body()).get("code").asText()).isEqualTo("PGRST303");
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");

        String forged = alice.accessToken().substring(0, alice.accessToken().length() - 3) + "abc";
        assertError(BACKEND.send("GET", "/rest/v1/rt_teams", forged, null), 401, "PGRST301");
    }

    @Test
    void rpcCallsScalarAndSetReturningFunctions() {
        HttpResponse<String> scalar = BACKEND.send("POST", "/rest/v1/rpc/rt_add", alice.accessToken(), "{\"a\":2,\"b\":3}");
        assertThat(scalar.statusCode()).isEqualTo(200);
        assertThat(scalar.body()).isEqualTo("5");
        assertThat(BACKEND.send("GET", "/rest/v1/rpc/rt_add?a=41", alice.accessToken(), null).body()).isEqualTo("42");

        HttpResponse<String> rows = BACKEND.send("POST", "/rest/v1/rpc/rt_team_members?select=name&score=gt.15&order=name",
                alice.accessToken(), "{\"team\":\"" + aliceTeam + "\"}");
        assertThat(names(rows)).containsExactly("abe", "al");
    }

    @Test
    void rpcErrors() {
        assertError(BACKEND.send("POST", "/rest/v1/rpc/rt_nothing", alice.accessToken(), "{}"), 404, "PGRST202");
        assertError(BACKEND.send("POST", "/rest/v1/rpc/rt_add", alice.accessToken(), "{\"zz\":1}"), 404, "PGRST202");
        assertError(BACKEND.send("GET", "/rest/v1/rpc/rt_touch", alice.accessToken(), null), 405, "25006");

        HttpResponse<String> custom = BACKEND.send("POST", "/rest/v1/rpc/rt_refuse", alice.accessToken(), "{}");
        assertThat(custom.statusCode()).isEqualTo(409);
        assertThat(custom.headers().firstValue("X-Claimed-By")).contains("other");
        assertThat(TestBackend.read(custom.body())).isEqualTo(TestBackend.read(
                "{\"code\":\"FD001\",\"message\":\"Already claimed\",\"details\":\"someone else\",\"hint\":\"refresh\"}"));
    }

    @Test
    void theCallersRoleSettingsApplyAsWithPostgrest() {
        assertThat(BACKEND.send("GET", "/rest/v1/rpc/rt_statement_timeout", alice.accessToken(), null).body())
                .isEqualTo("\"8s\"");
        assertThat(BACKEND.send("GET", "/rest/v1/rpc/rt_statement_timeout", null, null).body()).isEqualTo("\"3s\"");
    }

    @Test
    void headAnswersHeadersWithoutABody() {
        HttpResponse<String> response = BACKEND.send("HEAD", "/rest/v1/rt_members", alice.accessToken(), null,
                "Prefer", "count=exact");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Range")).contains("0-3/4");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestBackend.read(response.body());
        assertThat(body.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.has("message") && body.has("details") && body.has("hint")).isTrue();
    }
}
