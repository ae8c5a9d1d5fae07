package dev.vigil.server.gateway;

/** DESIGN §3: dev accepts unknown keys as account roots (structural signature check); strict accepts only known keys. */
public enum AuthMode { DEV, STRICT }
