package com.fielddesk.desktop.app;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.desktop.signin.SignInException;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditUnavailableException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.desktop.signin.SignInService;
import com.fielddesk.desktop.signin.Workspace;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.FileSessionStore;
import com.fielddesk.supabase.auth.Session;
import com.fielddesk.supabase.auth.SessionStatus;
import com.fielddesk.supabase.errors.InvalidCredentialsException;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.ServerUnavailableException;
import com.fielddesk.supabase.errors.SupabaseException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens console sessions: per workspace a folder with the remembered Auth session and, per user,
 * the SQLite cache, filled by a first sync before the console opens (its progress on the sign-in
 * screen). When the server cannot be reached and this user signed in here before, the session
 * opens from the cache and says "offline".
 */
public final class ConsoleSessions implements SignInService<ConsoleSession> {

    /**
     * Looked up at the first message, not at class load: this class is loaded before the first
     * frame, and starting the logging system then costs cold-start time for nothing.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ConsoleSessions.class);
    }

    private final Path workspacesFolder;
    private final LocalDemo localDemo;
    private final Clock clock;
    private final LiveUpdateTimings timings;

    ConsoleSessions(Path workspacesFolder, LocalDemo localDemo, Clock clock) {
        this(workspacesFolder, localDemo, clock, LiveUpdateTimings.DEFAULT);
    }

    ConsoleSessions(Path workspacesFolder, LocalDemo localDemo, Clock clock, LiveUpdateTimings timings) {
        this.workspacesFolder = workspacesFolder;
        this.localDemo = localDemo;
        this.clock = clock;
        this.timings = timings;
    }

    @Override
    public ConsoleSession signIn(Workspace workspace, String email, String password, Consumer<SignInProgress> progress)
            throws SignInException {
        Endpoint endpoint = endpoint(workspace, progress);
        FileSessionStore store = new FileSessionStore(folder(workspace).resolve("session.json"));
        SupabaseClient supabase = client(endpoint, store);
        progress.accept(SignInProgress.of(SignInProgress.Step.SIGNING_IN));
        try {
            Session session = supabase.auth().signInWithPassword(email, password);
            refuseTechnicians(supabase, session);
            recordSignIn(supabase);
            return open(workspace, supabase, session, false, progress);
        } catch (InvalidCredentialsException e) {
            supabase.close();
            throw new SignInException(SignInException.Reason.WRONG_PASSWORD,
                    "Wrong email or password. Check both and try again.", e);
        } catch (NetworkException | ServerUnavailableException e) {
            Optional<Session> cached = store.load()
                    .filter(s -> s.user() != null && email.equalsIgnoreCase(s.user().email()));
            if (cached.isPresent()) {
                return open(workspace, supabase, cached.get(), true, progress);
            }
            supabase.close();
            throw new SignInException(SignInException.Reason.UNREACHABLE, "Cannot reach " + workspace.describe()
                    + " (" + endpoint.url() + "). Check the address and your connection. Once you have signed in "
                    + "here, you can also open the console offline.", e);
        } catch (SupabaseException e) {
            supabase.close();
            throw new SignInException(SignInException.Reason.REFUSED, "The server refused the sign-in ("
                    + (e.code() == null ? "HTTP " + e.status() : e.code()) + "). Check the project URL and anon key, "
                    + "or ask the project's admin.", e);
        }
    }

    @Override
    public Optional<ConsoleSession> resume(Workspace workspace, Consumer<SignInProgress> progress) throws SignInException {
        FileSessionStore store = new FileSessionStore(folder(workspace).resolve("session.json"));
        if (store.load().isEmpty()) {
            return Optional.empty();
        }
        Endpoint endpoint = endpoint(workspace, progress);
        progress.accept(SignInProgress.of(SignInProgress.Step.REOPENING_SESSION));
        SupabaseClient supabase = client(endpoint, store);
        SessionStatus status = supabase.auth().restoreSession();
        Optional<Session> session = supabase.auth().currentSession();
        switch (status) {
            case SIGNED_IN, REFRESHING:
                refuseTechnicians(supabase, session.orElseThrow());
                return Optional.of(open(workspace, supabase, session.orElseThrow(), false, progress));
            case OFFLINE_WITH_CACHED_SESSION:
                return Optional.of(open(workspace, supabase, session.orElseThrow(), true, progress));
            case REFRESH_FAILED:
                supabase.close();
                throw new SignInException(SignInException.Reason.SESSION_EXPIRED,
                        "Your session has expired. Sign in again to continue.", null);
            default:
                supabase.close();
                return Optional.empty();
        }
    }

    /** What a technician reads at sign-in. */
    static final String NOT_FOR_TECHNICIANS = "FieldDesk's console is for the office; technicians use the mobile app.";

    /**
     * The console is for office staff: a technician's sign-in is refused before any of the company's
     * data is downloaded, and the session just made is ended on the server and forgotten here. The
     * role is the profile's, read from the server (the token does not carry it); if that read
     * fails, the sign-in goes on — the server's row security still decides what each role reads.
     */
    private static void refuseTechnicians(SupabaseClient supabase, Session session) throws SignInException {
        Optional<String> role;
        try {
            role = supabase.from("profiles").select("role").eq("id", session.user().id())
                    .maybeSingle(com.fasterxml.jackson.databind.JsonNode.class).map(profile -> profile.path("role").asText(""));
        } catch (SupabaseException e) {
            log().warn("Could not read the role at sign-in ({}); the console's sections follow it once synced", e.toString());
            return;
        }
        if (role.filter(Role.TECHNICIAN.code()::equals).isPresent()) {
            try {
                supabase.auth().signOut();
            } catch (SupabaseException e) {
                log().warn("Could not end a technician's session on the server ({}); it is forgotten here", e.toString());
            }
            supabase.close();
            throw new SignInException(SignInException.Reason.NOT_FOR_THIS_ROLE, NOT_FOR_TECHNICIANS, null);
        }
    }

    /** The sign-in into the company's audit log (best effort: a sign-in never fails for it). */
    private static void recordSignIn(SupabaseClient supabase) {
        try {
            new AuditEvents(new SupabaseFunctionPort(supabase)).recordSignIn();
        } catch (AuditUnavailableException e) {
            log().warn("Could not record the sign-in in the audit log ({})", e.reason());
        }
    }

    private ConsoleSession open(Workspace workspace, SupabaseClient supabase, Session session, boolean offline,
                                Consumer<SignInProgress> progress) throws SignInException {
        progress.accept(SignInProgress.of(SignInProgress.Step.OPENING_COPY));
        CacheDatabase cache = CacheDatabase.open(folder(workspace).resolve("cache-" + session.user().id() + ".sqlite"));
        ConsoleSession opened = new ConsoleSession(workspace, supabase, cache, session.user().id(), session.user().email(),
                offline, clock, timings);
        if (offline && opened.repositories().table("profiles").get(session.user().id().toString())
                .filter(profile -> Role.TECHNICIAN.code().equals(profile.path("role").asText())).isPresent()) {
            // Offline the server cannot be asked; the copy's profile says the role changed since.
            opened.close();
            throw new SignInException(SignInException.Reason.NOT_FOR_THIS_ROLE, NOT_FOR_TECHNICIANS, null);
        }
        if (!offline) {
            firstSync(opened, progress);
        }
        return opened;
    }

    /**
     * What the console needs before it opens: the company (its time zone), the people (roles decide
     * the sections) and the lead pool (the first section). Everything else of a first sync arrives
     * with the console open: its lists fill in live and the status bar shows how far the sync is.
     */
    static final Set<String> TABLES_NEEDED_TO_OPEN = Set.of("companies", "profiles", "lead_pool");

    /**
     * A cache that never finished a sync holds nothing (or part) of the user's data: the first sync
     * starts on the session's sync thread, and the sign-in waits (telling the sign-in screen how far
     * it is) only until the tables the console opens with are in — a company with 100k jobs is at
     * work in a second, not after the whole download. A failure does not stop the sign-in: the
     * console opens, says what is wrong in its status bar, and its sync loop keeps trying.
     */
    private static void firstSync(ConsoleSession session, Consumer<SignInProgress> progress) {
        if (session.status().lastSuccessfulSync() != null) {
            return;
        }
        progress.accept(SignInProgress.of(SignInProgress.Step.FIRST_SYNC));
        AutoCloseable feed = session.sync().status().subscribe(status -> {
            SyncStatus.InitialSyncProgress initial = status.initialSync();
            if (initial != null) {
                progress.accept(new SignInProgress(SignInProgress.Step.FIRST_SYNC, initial.tablesDone(),
                        initial.tablesTotal(), initial.table().replace('_', ' ') + ", "
                        + String.format(Locale.ROOT, "%,d", initial.rowsDownloaded()) + " rows"));
            }
        });
        Set<String> stillNeeded = ConcurrentHashMap.newKeySet();
        stillNeeded.addAll(TABLES_NEEDED_TO_OPEN);
        stillNeeded.retainAll(session.sync().syncedTables());
        CountDownLatch readyToOpen = new CountDownLatch(stillNeeded.isEmpty() ? 0 : 1);
        session.startFirstSync(pulled -> {
            if (pulled.tableDone() && stillNeeded.remove(pulled.table()) && stillNeeded.isEmpty()) {
                readyToOpen.countDown();
            }
        }, failure -> {
            log().warn("The first sync did not finish ({}); the console opens and its sync keeps trying", failure.toString());
            readyToOpen.countDown();
        }, readyToOpen::countDown);
        try {
            readyToOpen.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                feed.close();
            } catch (Exception e) {
                log().warn("Could not stop following the first sync", e);
            }
        }
    }

    private Endpoint endpoint(Workspace workspace, Consumer<SignInProgress> progress) throws SignInException {
        if (workspace instanceof Workspace.SupabaseProject project) {
            return new Endpoint(project.url(), project.anonKey());
        }
        try {
            return localDemo.start(progress);
        } catch (RuntimeException e) {
            log().error("The Local demo could not start", e);
            throw new SignInException(SignInException.Reason.BACKEND_FAILED, "The Local demo could not start. "
                    + "The details are in the log; restarting the console, or freeing disk space, usually helps.", e);
        }
    }

    private static SupabaseClient client(Endpoint endpoint, FileSessionStore store) {
        // Short connect timeout: an unreachable server should turn into "offline" quickly, not after 10 s.
        SupabaseConfig config = SupabaseConfig.of(endpoint.url().toString(), endpoint.anonKey())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30));
        return new SupabaseClient(config, store);
    }

    private Path folder(Workspace workspace) {
        return workspacesFolder.resolve(workspace.key());
    }
}
