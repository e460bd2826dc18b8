package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.ui.ViewSettings;

import java.util.Optional;

/** The last workspace and email, remembered between runs (never the password: Auth keeps the session). */
public final class RememberedWorkspace {

    private final ViewSettings settings;

    public RememberedWorkspace(ViewSettings settings) {
        this.settings = settings;
    }

    public Optional<SignInViewModel.WorkspaceKind> kind() {
        return settings.get("workspace.kind").map(value -> {
            try {
                return SignInViewModel.WorkspaceKind.valueOf(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    /** Whether the last session should be reopened at startup (false after signing out). */
    public boolean shouldResume() {
        return settings.get("workspace.resume").map(Boolean::parseBoolean).orElse(false);
    }

    public Optional<String> projectUrl() {
        return settings.get("workspace.url");
    }

    public Optional<String> anonKey() {
        return settings.get("workspace.anonKey");
    }

    public Optional<String> email() {
        return settings.get("workspace.email");
    }

    public void save(SignInViewModel.WorkspaceKind kind, String url, String anonKey, String email) {
        settings.put("workspace.kind", kind.name());
        settings.put("workspace.url", url == null || url.isBlank() ? null : url.strip());
        settings.put("workspace.anonKey", anonKey == null || anonKey.isBlank() ? null : anonKey.strip());
        settings.put("workspace.email", email);
        settings.put("workspace.resume", "true");
        settings.save();
    }

    /** After sign-out: do not reopen automatically next time. */
    public void forgetSession() {
        settings.put("workspace.resume", "false");
        settings.save();
    }
}
