package com.fielddesk.desktop.ui;

/** Style-class names of fielddesk.css, in one place so views and stylesheet cannot drift apart. */
public final class Styles {
    private Styles() {
    }

    public static final String APP_ROOT = "fd-root";
    public static final String SIGN_IN_CARD = "fd-sign-in-card";
    public static final String SIGN_IN_TITLE = "fd-sign-in-title";
    public static final String FORM_ERROR = "fd-form-error";
    public static final String FORM_HINT = "fd-form-hint";
    public static final String NAV = "fd-nav";
    public static final String NAV_ITEM = "fd-nav-item";
    public static final String HEADER = "fd-header";
    public static final String HEADER_TITLE = "fd-header-title";
    public static final String HEADER_USER = "fd-header-user";
    public static final String STATUS_BAR = "fd-status-bar";
    public static final String STATUS_ONLINE = "fd-status-online";
    public static final String STATUS_OFFLINE = "fd-status-offline";
    public static final String STATUS_SYNCING = "fd-status-syncing";
    public static final String LIVE_UPDATES = "fd-live-updates";
    public static final String ISSUE_BADGE = "fd-issue-badge";
    public static final String EMERGENCY_BADGE = "fd-emergency-badge";
    public static final String TRADE_CHIP = "fd-trade-chip";
    public static final String DETAIL_PANE = "fd-detail-pane";
    /** White as paper in both themes: what will be printed (an invoice's logo) is previewed on it. */
    public static final String PAPER = "fd-paper";
    public static final String DETAIL_TITLE = "fd-detail-title";
    public static final String DETAIL_LABEL = "fd-detail-label";
    public static final String NOTICE = "fd-notice";
    public static final String NOTICE_WARNING = "fd-notice-warning";
    public static final String TOAST = "fd-toast";
    public static final String SEARCH_POPUP = "fd-search-popup";
    /** The name of a kind of Ctrl+K result above its first result ("Customers"). */
    public static final String SEARCH_GROUP = "fd-search-group";
    public static final String SECTION_TITLE = "fd-section-title";
    /** A form field's problem, under the field ({@link Form}). */
    public static final String FIELD_ERROR = "fd-field-error";
    /** A status badge in a table cell ({@link Columns#status}); its tone adds {@code fd-badge-<tone>}. */
    public static final String BADGE = "fd-badge";
    /** The text of a pop-over. */
    public static final String POPOVER_TEXT = "fd-popover-text";
    /** Sign-in progress: a finished step, and the one running. */
    public static final String STEP_DONE = "fd-step-done";
    public static final String STEP_RUNNING = "fd-step-running";
    /** A list of two-line rows (an inbox): every row is one fixed height, known from the stylesheet before the first layout. */
    public static final String TWO_LINE_LIST = "fd-two-line-list";
    /**
     * A row of a {@link #TWO_LINE_LIST}, in place of a list cell's {@code list-cell} class: the same look
     * (the stylesheet gives it AtlantaFX's list row), with far fewer of the theme's selectors to test.
     */
    public static final String TWO_LINE_ROW = "fd-two-line-row";

    /**
     * A thread's day heading ("Sunday, 6 Dec 2026" above the day's first message). Not styled by
     * the stylesheet (it is drawn in its message's font and colour); it names the heading for
     * lookups and accessibility tools.
     */
    public static final String MESSAGE_DAY = "fd-message-day";
}
