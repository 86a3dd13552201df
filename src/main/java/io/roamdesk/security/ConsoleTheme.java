package io.roamdesk.security;

/** The console's colour themes: Lumo's default (light) and its dark variant. */
public enum ConsoleTheme {
    LIGHT, DARK
}
