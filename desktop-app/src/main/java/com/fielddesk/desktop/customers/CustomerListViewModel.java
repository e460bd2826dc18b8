package com.fielddesk.desktop.customers;

import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.customers.CustomerSort;
import com.fielddesk.domain.customers.CustomerSummary;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.LiveList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The customer list: a search over name, phone and email and a sort, both run in SQL by the
 * repository, the first {@value #PAGE} rows shown (more on request) and the count of all matches.
 * Every keystroke replaces the running query (latest wins); a change to customers reloads it.
 */
final class CustomerListViewModel implements AutoCloseable {

    static final int PAGE = 200;

    private final CustomerRepository repository;
    private final Formats formats;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<CustomerSort> sort = new SimpleObjectProperty<>(CustomerSort.NAME);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper();
    private final LiveList<CustomerSummary> rows;
    private final BackgroundTasks tasks;
    private long lastTotal;
    private long countsStarted;
    private BackgroundTasks.Running runningCount;
    private int limit = PAGE;

    CustomerListViewModel(CustomerRepository repository, BackgroundTasks tasks, ChangeSource changes, Formats formats) {
        this.repository = repository;
        this.tasks = tasks;
        this.formats = formats;
        rows = LiveList.<CustomerSummary>of(tasks, CustomerSummary::id)
                .describedAs("the customers")
                .query(query())
                .reloadOnChangesTo(changes, "customers").reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP)
                .build();
        rows.onUpdate(this::countAgain);
        search.addListener((o, before, now) -> {
            limit = PAGE;
            rows.requery(query());
        });
        sort.addListener((o, before, now) -> rows.requery(query()));
    }

    /** The question as it stands now, read on the FX thread; the callable runs in the background. */
    private Callable<List<CustomerSummary>> query() {
        String text = search.get();
        CustomerSort order = sort.get();
        int shown = limit;
        return () -> repository.list(text, order, shown);
    }

    /**
     * Counts after the rows are shown, not with them: counting 100k customers takes as long as
     * reading the page, and the rows are what the user is looking at. The newest count wins.
     */
    private void countAgain() {
        String text = search.get();
        long thisCount = ++countsStarted;
        if (runningCount != null) {
            runningCount.cancel();
        }
        runningCount = tasks.run(() -> repository.count(text), total -> {
            if (thisCount == countsStarted) {
                lastTotal = total;
                runningCount = null;
                showCount();
            }
        }, failure -> {
            if (thisCount == countsStarted) {
                runningCount = null;
                countText.set("Could not count the customers");
            }
        });
    }

    private void showCount() {
        long total = lastTotal;
        int shown = rows.items().size();
        moreAvailable.set(shown < total);
        String customers = formats.number(total) + (total == 1 ? " customer" : " customers");
        if (total == 0) {
            countText.set(search.get().isBlank() ? "No customers yet" : "No customer matches “" + search.get().strip() + "”");
        } else if (shown < total) {
            countText.set("Showing " + formats.number(shown) + " of " + customers);
        } else {
            countText.set(customers);
        }
    }

    void start() {
        rows.start();
    }

    /** Shows the next {@value #PAGE} rows as well. */
    void showMore() {
        limit += PAGE;
        rows.requery(query());
    }

    /** Whether the search finds more customers than are shown (known once they are counted). */
    ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    StringProperty searchProperty() {
        return search;
    }

    ObjectProperty<CustomerSort> sortProperty() {
        return sort;
    }

    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    ObservableList<CustomerSummary> items() {
        return rows.items();
    }

    LiveList<CustomerSummary> rows() {
        return rows;
    }

    @Override
    public void close() {
        rows.close();
        if (runningCount != null) {
            runningCount.cancel();
        }
    }
}
