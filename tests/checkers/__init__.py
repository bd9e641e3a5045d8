"""The field's own checkers run on a build of the example site: DAISY Ace on every EPUB,
the Nu HTML Checker on every HTML file."""
