package com.fielddesk.desktop.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.conflict.ConflictRecord;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.desktop.app.feature.Navigator;
import com.fielddesk.domain.common.Role;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.ServerRefusal;
import com.fielddesk.desktop.ui.Subscriptions;
import com.fielddesk.desktop.ui.SyncState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console frame: who is signed in (and so which sections show), global search and the sync status bar. */
public final class ShellViewModel implements AutoCloseable {

    public enum Connection { ONLINE, SYNCING, OFFLINE }

    private static final Logger log = LoggerFactory.getLogger(ShellViewModel.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper userRole = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper companyName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.OFFLINE);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper("Not synced yet");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    /** The last failure of background work outside the sync engine (shown while sync reports none). */
    private String backgroundProblem = "";
    private String syncError = "";
    private final ReadOnlyStringWrapper searchNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper liveText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper syncProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyIntegerWrapper issueCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper signInRequired = new ReadOnlyBooleanWrapper();
    private final ObservableList<SyncIssue> issues = FXCollections.observableArrayList();
    private final StringProperty searchQuery = new SimpleStringProperty("");

    private final UUID userId;
    private final String email;
    private final TableRepository profiles;
    private final TableRepository companies;
    private final CachedSearch search;
    private final SyncIssueActions issueActions;
    private final SyncState sync;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    /** Ctrl+K results: the newest query's answer wins over a slower earlier one. */
    private final LiveList<SearchResult> searchResults;
    /** Rejections already written to the log (each status repeats the whole list). */
    private final java.util.Set<UUID> loggedRejections = new java.util.HashSet<>();

    public ShellViewModel(UUID userId, String email, TableRepository profiles, TableRepository companies,
                          CachedSearch search, ChangeSource changes, SyncIssueActions issueActions, SyncState sync,
                          BackgroundTasks tasks, Clock clock) {
        this.userId = userId;
        this.email = email;
        this.profiles = profiles;
        this.companies = companies;
        this.search = search;
        this.issueActions = issueActions;
        this.sync = sync;
        this.tasks = tasks;
        this.clock = clock;
        // Open results follow the data: a lead claimed or a customer renamed meanwhile shows as it is now.
        this.searchResults = LiveList.of(tasks, SearchResult::record).describedAs("this computer's copy for the search")
                .reloadOnChangesTo(changes, CachedSearch.TABLES).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        // A search that could not run says so where its results would be.
        searchResults.problemProperty().addListener((o, before, problem) -> searchNotice.set(
                problem == null ? "" : problem.sentence()));
        userName.set(email);
        sync.statusProperty().addListener((o, old, status) -> apply(status));
        sync.onlineProperty().addListener((o, a, b) -> {
            apply(sync.statusProperty().get());
            showLive();
        });
        sync.liveProperty().addListener((o, a, b) -> showLive());
        showLive();
        searchQuery.addListener((o, a, query) -> {
            searchNotice.set("");
            runSearch(query);
        });
        apply(sync.statusProperty().get());
    }

    public void start() {
        subscriptions.add(profiles.onChange(() -> tasks.onUi(this::loadIdentity)));
        subscriptions.add(companies.onChange(() -> tasks.onUi(this::loadIdentity)));
        loadIdentity();
        // Listens for changes from now on (its first load answers the empty question: nothing).
        searchResults.start();
    }

    // ---- commands ----

    /** The signed-in person's profile and company as this computer has them (either may not be synced yet). */
    private record Identity(ObjectNode profile, ObjectNode company) {
    }

    public void loadIdentity() {
        tasks.run(() -> {
            ObjectNode profile = profiles.get(userId.toString()).orElse(null);
            ObjectNode company = profile == null ? null
                    : companies.get(profile.path("company_id").asText()).orElse(null);
            return new Identity(profile, company);
        }, found -> {
            if (found.profile() != null) {
                String roleCode = found.profile().path("role").asText("");
                userName.set(found.profile().path("full_name").asText(email));
                userRole.set(capitalized(roleCode));
                Role known = Role.fromCode(roleCode);
                // A role this console does not know yet is treated as not known: every section shows and the server decides.
                role.set(known != null && known.isKnown() ? known : null);
            }
            if (found.company() != null) {
                companyName.set(found.company().path("name").asText(""));
            }
        }, e -> reportProblem(Failures.sentence(e), e));
    }

    /** Shows a failure of background work in the status bar (one sentence) until the next one replaces it. */
    public void reportProblem(String sentence) {
        backgroundProblem = sentence == null ? "" : sentence;
        showError();
    }

    private void reportProblem(String sentence, Exception cause) {
        log.warn("{}", sentence, cause);
        reportProblem(sentence);
    }

    /**
     * Opens a search result through the navigator; when it cannot be opened, the search panel says
     * why instead of doing nothing. Returns whether it opened.
     */
    public boolean openSearchResult(SearchResult result, Navigator navigator) {
        java.util.Optional<String> notOpened = navigator.open(result.record());
        searchNotice.set(notOpened.orElse(""));
        return notOpened.isEmpty();
    }

    public void reapply(SyncIssue issue) {
        runIssueAction(issue, true);
    }

    public void dismiss(SyncIssue issue) {
        runIssueAction(issue, false);
    }

    private void runIssueAction(SyncIssue issue, boolean keepMine) {
        tasks.run(() -> {
            if (issue instanceof SyncIssue.Conflict conflict) {
                if (keepMine) {
                    issueActions.reapplyConflict(conflict.conflictId());
                } else {
                    issueActions.dismissConflict(conflict.conflictId());
                }
            } else if (issue instanceof SyncIssue.Rejected rejected) {
                if (keepMine) {
                    issueActions.retryRejected(rejected.mutationId());
                } else {
                    issueActions.dismissRejected(rejected.mutationId());
                }
            }
            return issue;
        }, done -> issues.remove(done), e -> reportProblem(Failures.notice(keepMine ? "Could not re-apply your change."
                : "Could not dismiss the issue.", e).sentence(), e));
    }

    private void runSearch(String query) {
        searchResults.requery(() -> search.search(query));
    }

    // ---- status ----

    private void apply(SyncStatus status) {
        if (status == null) {
            connection.set(sync.onlineProperty().get() ? Connection.ONLINE : Connection.OFFLINE);
            connectionText.set(sync.onlineProperty().get() ? "Online" : "Offline — working from this computer's copy");
            return;
        }
        SyncStatus.InitialSyncProgress initial = status.initialSync();
        if (!sync.onlineProperty().get()) {
            connection.set(Connection.OFFLINE);
            connectionText.set("Offline — working from this computer's copy");
            syncProgress.set(-1);
        } else if (initial != null) {
            connection.set(Connection.SYNCING);
            connectionText.set("First sync: " + initial.table().replace('_', ' ') + ", "
                    + String.format(Locale.ROOT, "%,d", initial.rowsDownloaded()) + " rows (" + initial.tablesDone() + " of "
                    + initial.tablesTotal() + " tables)");
            syncProgress.set(initial.tablesTotal() == 0 ? -1 : (double) initial.tablesDone() / initial.tablesTotal());
        } else if (status.pendingCount() > 0) {
            connection.set(Connection.SYNCING);
            connectionText.set("Online — uploading changes");
            syncProgress.set(-1);
        } else {
            connection.set(Connection.ONLINE);
            connectionText.set("Online");
            syncProgress.set(-1);
        }
        pendingText.set(status.pendingCount() == 0 ? "All changes saved to the server"
                : status.pendingCount() + (status.pendingCount() == 1 ? " change" : " changes") + " waiting to sync");
        Instant last = status.lastSuccessfulSync();
        lastSyncText.set(last == null ? "Not synced yet" : "Last sync " + TIME.format(last.atZone(clock.getZone())));
        syncError = status.error().orElse("");
        showError();
        signInRequired.set(status.signInRequired());
        List<SyncIssue> current = new ArrayList<>();
        for (ConflictRecord conflict : status.conflicts()) {
            current.add(new SyncIssue.Conflict(conflict.id(), conflict.table(), conflict.column(),
                    shown(conflict.localValue()), shown(conflict.serverValue())));
        }
        for (OutboxEntry rejected : status.quarantined()) {
            // The details carry our refusal code and facts (apply_mutations keeps them), which decide the sentence.
            ServerRefusal refusal = ServerRefusal.of(rejected.errorCode(), rejected.errorMessage(),
                    rejected.errorDetails() == null || rejected.errorDetails().isNull() ? null : rejected.errorDetails().toString());
            if (loggedRejections.add(rejected.mutationId())) {
                log.info("The server rejected the {} of {} {} ({}): {}", rejected.operation().name().toLowerCase(Locale.ROOT),
                        rejected.table(), rejected.rowId(), refusal.sentence(), refusal.details());
            }
            current.add(new SyncIssue.Rejected(rejected.mutationId(), rejected.table(), rejected.operation(), refusal));
        }
        if (!current.equals(issues)) {
            issues.setAll(current);
        }
        issueCount.set(current.size());
    }

    /** A field value as the user reads it: text without JSON quotes, "(empty)" for none. */
    private static String shown(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "(empty)";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Online, say whether changes arrive live; offline the connection text says it all. */
    private void showLive() {
        if (!sync.onlineProperty().get()) {
            liveText.set("");
        } else {
            liveText.set(sync.liveProperty().get() ? "Live updates"
                    : "Live updates paused — checking the pool every second");
        }
    }

    private void showError() {
        errorText.set(!syncError.isEmpty() ? syncError : backgroundProblem);
    }

    private static String capitalized(String role) {
        return role.isEmpty() ? role : Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    @Override
    public void close() {
        searchResults.close();
        subscriptions.close();
    }

    // ---- properties ----

    public ReadOnlyStringProperty userNameProperty() {
        return userName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userRoleProperty() {
        return userRole.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty companyNameProperty() {
        return companyName.getReadOnlyProperty();
    }

    /** The person's role (null until the profile is read, or for a role this console does not know). */
    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** "Live updates" while realtime delivers, or that the pool is being polled instead; "" offline. */
    public ReadOnlyStringProperty liveTextProperty() {
        return liveText.getReadOnlyProperty();
    }

    /** Why the last chosen search result could not be opened ("" when it opened). */
    public ReadOnlyStringProperty searchNoticeProperty() {
        return searchNotice.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty syncProgressProperty() {
        return syncProgress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty issueCountProperty() {
        return issueCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signInRequiredProperty() {
        return signInRequired.getReadOnlyProperty();
    }

    public ObservableList<SyncIssue> issues() {
        return issues;
    }

    public StringProperty searchQueryProperty() {
        return searchQuery;
    }

    public ObservableList<SearchResult> searchResults() {
        return searchResults.items();
    }
}
