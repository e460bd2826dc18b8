package com.fielddesk.localbackend.demo;

/** A documented demo sign-in: every demo person shares {@link DemoDataGenerator#DEMO_PASSWORD}. */
public record DemoLogin(String email, String password, String role, String companyName) {
}
