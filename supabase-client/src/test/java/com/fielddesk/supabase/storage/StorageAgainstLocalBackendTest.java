package com.fielddesk.supabase.storage;

import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import com.fielddesk.supabase.errors.ConflictException;
import com.fielddesk.supabase.errors.ForbiddenException;
import com.fielddesk.supabase.errors.NotFoundException;
import com.fielddesk.supabase.testing.ClientTestSchema;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.fielddesk.supabase.testing.LiveBackend.BACKEND;
import static com.fielddesk.supabase.testing.LiveBackend.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storage against the real local-backend: each user owns the folder named by their id (RLS on storage.objects). */
class StorageAgainstLocalBackendTest {

    private SupabaseClient supabase;
    private TestBackend.SignedInUser user;
    private StorageBucket bucket;

    @BeforeAll
    static void schema() {
        ClientTestSchema.installStorage();
    }

    @BeforeEach
    void signIn() {
        user = BACKEND.newSignedInUser("storage");
        supabase = client(new InMemorySessionStore());
        supabase.auth().signInWithPassword(user.email(), user.password());
        bucket = supabase.storage().from(ClientTestSchema.BUCKET);
    }

    @AfterEach
    void close() {
        supabase.close();
    }

    private static byte[] report(int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        return content;
    }

    @Test
    void uploadWithProgressThenDownloadListSignAndRemove() throws IOException {
        byte[] content = report(300_000);
        String path = user.id() + "/reports/Q1 report, (final).txt";
        List<long[]> progress = new CopyOnWriteArrayList<>();

        String key = bucket.upload(path, content, "text/plain", false, (sent, total) -> progress.add(new long[] {sent, total}));

        assertThat(key).isEqualTo(ClientTestSchema.BUCKET + "/" + path);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(content.length, content.length);
        List<Long> sent = new ArrayList<>();
        progress.forEach(step -> sent.add(step[0]));
        assertThat(sent).isSorted();

        assertThat(bucket.download(path)).isEqualTo(content);
        assertThat(bucket.list(user.id() + "/reports", 100, 0)).extracting(StorageObject::name)
                .containsExactly("Q1 report, (final).txt");
        assertThat(bucket.list(user.id().toString(), 100, 0)).singleElement()
                .satisfies(folder -> assertThat(folder.isFolder()).isTrue());

        URI signed = bucket.createSignedUrl(path, Duration.ofMinutes(5));
        try (Response response = new OkHttpClient().newCall(new Request.Builder().url(signed.toString())
                .header("Accept-Encoding", "identity").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().bytes()).as("a signed URL needs no session").isEqualTo(content);
        }

        bucket.remove(List.of(path));
        assertThatThrownBy(() -> bucket.download(path)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void overwritingNeedsUpsert() {
        String path = user.id() + "/note.txt";
        bucket.upload(path, "v1".getBytes(StandardCharsets.UTF_8), "text/plain", false, null);

        assertThatThrownBy(() -> bucket.upload(path, "v2".getBytes(StandardCharsets.UTF_8), "text/plain", false, null))
                .isInstanceOf(ConflictException.class);
        bucket.upload(path, "v3".getBytes(StandardCharsets.UTF_8), "text/plain", true, null);

        assertThat(new String(bucket.download(path), StandardCharsets.UTF_8)).isEqualTo("v3");
    }

    @Test
    void anotherUsersFolderIsForbidden() {
        TestBackend.SignedInUser other = BACKEND.newSignedInUser("storage-other");

        assertThatThrownBy(() -> bucket.upload(other.id() + "/planted.txt", "x".getBytes(StandardCharsets.UTF_8),
                "text/plain", false, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> bucket.download(other.id() + "/anything.txt")).isInstanceOf(NotFoundException.class);
    }
}
