package com.fielddesk.supabase.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import com.fielddesk.supabase.errors.ConflictException;
import com.fielddesk.supabase.errors.ForbiddenException;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.NotFoundException;
import com.fielddesk.supabase.errors.SupabaseException;
import com.fielddesk.supabase.errors.ValidationException;
import com.fielddesk.supabase.testing.ClientTestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.fielddesk.supabase.testing.LiveBackend.BACKEND;
import static com.fielddesk.supabase.testing.LiveBackend.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query builder against the real local-backend, as a signed-in user under RLS. */
class RestAgainstLocalBackendTest {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewNote(String slug, String title, List<String> tags, BigDecimal amount, Integer position) {
        static NewNote titled(String title) {
            return new NewNote(null, title, List.of(), null, null);
        }
    }

    record Note(UUID id, UUID ownerId, String slug, String title, List<String> tags, BigDecimal amount, Integer position,
                Instant createdAt) {
    }

    record Comment(String body) {
    }

    record NoteWithComments(String title, Integer position, List<Comment> clientTestComments) {
    }

    static final List<String> AWKWARD = List.of("a,b", "(in parentheses)", "say \"hi\"", "back\\slash", "Zoë 東京 🚀",
            "dot.colon: end", "O'Brien, Pat (Jr.)", "plain");

    private SupabaseClient supabase;
    private TestBackend.SignedInUser user;

    @BeforeAll
    static void schema() {
        ClientTestSchema.install();
    }

    @BeforeEach
    void signIn() {
        user = BACKEND.newSignedInUser("rest");
        supabase = client(new InMemorySessionStore());
        supabase.auth().signInWithPassword(user.email(), user.password());
    }

    @AfterEach
    void close() {
        supabase.close();
    }

    private TableRef notes() {
        return supabase.from("client_test_notes");
    }

    private List<Note> insertTitles(List<String> titles) {
        return notes().insert(titles.stream().map(NewNote::titled).toList()).returning(Note.class);
    }

    @Test
    void awkwardValuesRoundTripThroughEveryFilterForm() {
        List<Note> inserted = insertTitles(AWKWARD);
        assertThat(inserted).extracting(Note::title).containsExactlyElementsOf(AWKWARD);
        assertThat(inserted).allSatisfy(note -> assertThat(note.ownerId()).isEqualTo(user.id()));

        for (String title : AWKWARD) {
            assertThat(notes().select().eq("title", title).single(Note.class).title()).as("eq %s", title).isEqualTo(title);
            assertThat(notes().select().or(Filter.eq("title", title), Filter.eq("title", "nothing")).list(Note.class))
                    .as("or %s", title).extracting(Note::title).containsExactly(title);
            assertThat(notes().select().in("title", List.of(title, "x,y")).list(Note.class))
                    .as("in %s", title).extracting(Note::title).containsExactly(title);
        }
        assertThat(notes().select().in("title", AWKWARD).list(Note.class)).hasSize(AWKWARD.size());
        assertThat(notes().select().not(Filter.in("title", AWKWARD.subList(0, AWKWARD.size() - 1))).list(Note.class))
                .extracting(Note::title).containsExactly("plain");
        assertThat(notes().select().not(Filter.eq("title", "a,b")).list(Note.class)).hasSize(AWKWARD.size() - 1);
        assertThat(notes().select().like("title", "%東京%").list(Note.class)).extracting(Note::title).containsExactly("Zoë 東京 🚀");
    }

    @Test
    void arrayColumnsFilterWithContains() {
        notes().insert(List.of(new NewNote(null, "tagged", List.of("hvac", "a,b", "say \"x\""), null, null),
                new NewNote(null, "other", List.of("plumbing"), null, null))).execute();

        assertThat(notes().select().contains("tags", List.of("a,b", "say \"x\"")).list(Note.class))
                .extracting(Note::title).containsExactly("tagged");
        assertThat(notes().select("title,tags").eq("title", "tagged").single(Note.class).tags())
                .containsExactly("hvac", "a,b", "say \"x\"");
    }

    @Test
    void selectWithEmbedsOrderRangeAndCount() {
        List<Note> inserted = notes().insert(List.of(1, 2, 3, 4, 5).stream()
                .map(i -> new NewNote(null, "note " + i, List.of(), null, i)).toList()).returning(Note.class);
        supabase.from("client_test_comments").insert(List.of(
                Map.of("note_id", inserted.get(3).id(), "body", "first, (really)"),
                Map.of("note_id", inserted.get(3).id(), "body", "second"))).execute();

        Page<NoteWithComments> page = notes()
                .select(" title, position, client_test_comments ( body ) ")
                .gte("position", 2)
                .order("position", SelectQuery.Direction.DESC, SelectQuery.Nulls.LAST)
                .orderEmbedded("client_test_comments", "body", SelectQuery.Direction.ASC)
                .count(CountMethod.EXACT)
                .range(0, 1)
                .page(NoteWithComments.class);

        assertThat(page.totalCount()).hasValue(4);
        assertThat(page.rows()).extracting(NoteWithComments::position).containsExactly(5, 4);
        assertThat(page.rows().get(0).clientTestComments()).isEmpty();
        assertThat(page.rows().get(1).clientTestComments()).extracting(Comment::body).containsExactly("first, (really)", "second");

        assertThat(notes().select().order("position").range(2, 3).list(Note.class)).extracting(Note::position).containsExactly(3, 4);
        assertThat(notes().select().countRows()).isEqualTo(5);
        assertThat(notes().select().lt("position", 3).countRows()).isEqualTo(2);
    }

    @Test
    void singleAndMaybeSingle() {
        insertTitles(List.of("twin", "twin", "only"));

        assertThat(notes().select().eq("title", "only").single(Note.class).title()).isEqualTo("only");
        assertThat(notes().select().eq("title", "only").maybeSingle(Note.class)).isPresent();
        assertThat(notes().select().eq("title", "none").maybeSingle(Note.class)).isEmpty();
        assertThatThrownBy(() -> notes().select().eq("title", "none").single(Note.class))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((SupabaseException) e).code()).isEqualTo("PGRST116"));
        assertThatThrownBy(() -> notes().select().eq("title", "twin").single(Note.class)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> notes().select().eq("title", "twin").maybeSingle(Note.class)).isInstanceOf(ValidationException.class);
    }

    @Test
    void upsertOnAUniqueConstraintMergesOrIgnores() {
        notes().insert(new NewNote("boiler", "Boiler v1", List.of(), new BigDecimal("10.50"), null)).execute();

        List<Note> merged = notes().upsert(List.of(Map.of("owner_id", user.id(), "slug", "boiler", "title", "Boiler v2")))
                .onConflict("owner_id", "slug").returning(Note.class);
        assertThat(merged).extracting(Note::title).containsExactly("Boiler v2");

        notes().upsert(List.of(Map.of("owner_id", user.id(), "slug", "boiler", "title", "Boiler v3")))
                .onConflict("owner_id", "slug").ignoreDuplicates().idempotent().execute();
        Note stored = notes().select().eq("slug", "boiler").single(Note.class);
        assertThat(stored.title()).isEqualTo("Boiler v2");
        assertThat(stored.amount()).isEqualByComparingTo("10.50");
        assertThat(notes().select().eq("slug", "boiler").countRows()).isEqualTo(1);
    }

    @Test
    void updateAndDeleteTouchOnlyFilteredRows() {
        List<Note> inserted = insertTitles(List.of("keep", "change", "drop"));

        List<Note> updated = notes().update(Map.of("title", "changed, (twice)")).eq("id", inserted.get(1).id()).returning(Note.class);
        assertThat(updated).extracting(Note::title).containsExactly("changed, (twice)");
        Note single = notes().update(Map.of("position", 7)).eq("id", inserted.get(0).id()).returningSingle(Note.class);
        assertThat(single.position()).isEqualTo(7);

        notes().delete().eq("id", inserted.get(2).id()).execute();

        assertThat(notes().select().order("title").list(Note.class)).extracting(Note::title).containsExactly("changed, (twice)", "keep");
        assertThatThrownBy(() -> notes().delete().execute()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> notes().update(Map.of("title", "x")).execute()).isInstanceOf(IllegalStateException.class);
        assertThat(notes().select().countRows()).as("refused without sending").isEqualTo(2);
    }

    @Test
    void anRlsDeniedWriteIsForbidden() {
        UUID someoneElse = BACKEND.newSignedInUser("victim").id();

        assertThatThrownBy(() -> notes().insert(Map.of("owner_id", someoneElse, "title", "planted")).execute())
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> {
                    SupabaseException error = (SupabaseException) e;
                    assertThat(error.status()).isEqualTo(403);
                    assertThat(error.code()).isEqualTo("42501");
                    assertThat(error.getMessage()).contains("row-level security");
                    assertThat(error.isRetryable()).isFalse();
                });
    }

    @Test
    void signedOutReadsOfAPrivateTableAreNotAuthenticated() {
        supabase.auth().signOut();

        assertThatThrownBy(() -> notes().select().list(Note.class)).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void constraintViolationsAreTyped() {
        notes().insert(new NewNote("dup", "first", List.of(), null, null)).execute();

        assertThatThrownBy(() -> notes().insert(new NewNote("dup", "second", List.of(), null, null)).execute())
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((SupabaseException) e).code()).isEqualTo("23505"));
        assertThatThrownBy(() -> notes().insert(NewNote.titled("   ")).execute())
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((SupabaseException) e).code()).isEqualTo("23514"));
        assertThatThrownBy(() -> supabase.from("no_such_table").select().list(Note.class))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notes().select().eq("no_such_column", 1).list(Note.class))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void rpcReturnsScalarsAndKeepsCustomErrorCodes() {
        assertThat(supabase.rpc("client_test_add", Map.of("a", 2, "b", 3)).returning(Integer.class)).isEqualTo(5);
        assertThat(supabase.rpc("client_test_add", Map.of("a", 40, "b", 2)).readOnly().returning(Integer.class)).isEqualTo(42);
        assertThat(supabase.rpc("client_test_who_am_i", null).returning(UUID.class)).isEqualTo(user.id());

        UUID noteId = UUID.randomUUID();
        assertThatThrownBy(() -> supabase.rpc("client_test_claim", Map.of("note_id", noteId)).returning(Object.class))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> {
                    SupabaseException error = (SupabaseException) e;
                    assertThat(error.status()).isEqualTo(409);
                    assertThat(error.code()).isEqualTo("already_claimed");
                    assertThat(error.getMessage()).isEqualTo("This note was already claimed");
                    assertThat(error.details()).isEqualTo(noteId.toString());
                    assertThat(error.hint()).isEqualTo("Refresh and pick another");
                });
        assertThatThrownBy(() -> supabase.rpc("no_such_function", null).execute()).isInstanceOf(NotFoundException.class);
    }
}
