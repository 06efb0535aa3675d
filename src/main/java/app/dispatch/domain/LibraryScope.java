package app.dispatch.domain;

/** Which stories a library listing includes. */
public enum LibraryScope { ACTIVE, TRASH, ALL }
