package com.fielddesk.desktop.signin;

/** A documented login of the Local demo, offered on the sign-in form. */
public record DemoLogin(String email, String password, String role, String companyName) {
    @Override
    public String toString() {
        return role + " · " + companyName + " — " + email;
    }
}
