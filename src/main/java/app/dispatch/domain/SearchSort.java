package app.dispatch.domain;

/** How search results are ordered: best match first, or most recently updated first. */
public enum SearchSort { RELEVANCE, NEWEST }
