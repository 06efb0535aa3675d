package app.dispatch.domain;

/** What a source is. Stored by name. */
public enum SourceKind { PERSON, DOCUMENT, ORGANISATION, DATASET, WEB_PAGE, NEWS_AGENCY }
